import { localePath } from '../http/locale.js';
import type { PageContext } from '../http/page-context.js';
import { locales } from '../i18n/index.js';

/** Open Graph (and Twitter card) data of a page a chat app may preview. Text is plain, not HTML. */
export interface OpenGraph {
  type: 'website' | 'product' | 'article' | 'business.business';
  title: string;
  description?: string;
  /** A PNG or JPEG (chat apps ignore SVG): a site path or an absolute URL. */
  image?: string;
  imageAlt?: string;
  imageSize?: { width: number; height: number };
  /** More `property` tags, e.g. product:price:amount. */
  extra?: readonly (readonly [string, string])[];
}

/** What a page tells search engines and chat apps beyond its title (ADR 0018). */
export interface Seo {
  /** Plain text, ~160 characters. */
  description?: string;
  /** The page's path without language prefix; defaults to the request path without its query. */
  canonical?: string;
  /** Keep out of search results (also the default for every page that is not public storefront). */
  noindex?: boolean;
  og?: OpenGraph;
  /** schema.org objects, each written as one JSON-LD block. */
  jsonLd?: readonly object[];
}

/** Storefront pages a search engine may index; anything else (cart, account, back office, search) is noindex. */
const PUBLIC_PAGE = /^\/(?:$|categories\/[^/?]+$|products\/[^/?]+$|help(?:\/[^/?]+)?$|asic-miner-repair(?:\/\d+)?$)/;

export const isPublicPage = (path: string) => PUBLIC_PAGE.test(path.split(/[?#]/)[0] ?? '');

/** An absolute URL of a site path in a language. */
export const absoluteUrl = (ctx: Pick<PageContext, 'publicUrl'>, path: string) =>
  /^https?:\/\//.test(path) ? path : `${ctx.publicUrl}${path}`;

/**
 * JSON inside <script>: `<` (and `>`, `&`, line separators) as \u escapes, so no text in
 * the data can close the script element or open a comment. The block is data, never run:
 * CSP's script-src does not apply to it.
 */
export function jsonLdText(data: object): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The <head> tags of `seo` for this page: description, robots, canonical, hreflang, Open Graph, JSON-LD. */
export function SeoHead({ ctx, seo = {} }: { ctx: PageContext; seo?: Seo }) {
  const path = seo.canonical ?? ctx.path.split(/[?#]/)[0] ?? '/';
  const indexable = !seo.noindex && isPublicPage(path);
  const locale = ctx.i18n.locale;
  const og = seo.og;
  const image = og?.image && absoluteUrl(ctx, og.image);
  const hasAlternates = localePath('es', path) !== path;
  return (
    <>
      {seo.description && <meta name="description" content={seo.description} />}
      {!indexable && <meta name="robots" content="noindex" />}
      <link rel="canonical" href={absoluteUrl(ctx, localePath(locale, path))} />
      {hasAlternates &&
        locales.map((l) => <link rel="alternate" hreflang={l} href={absoluteUrl(ctx, localePath(l, path))} />)}
      {hasAlternates && <link rel="alternate" hreflang="x-default" href={absoluteUrl(ctx, path)} />}
      {og && (
        <>
          <meta property="og:type" content={og.type} />
          <meta property="og:site_name" content="Hashcart" />
          <meta property="og:title" content={og.title} />
          {(og.description ?? seo.description) && (
            <meta property="og:description" content={og.description ?? seo.description} />
          )}
          <meta property="og:url" content={absoluteUrl(ctx, localePath(locale, path))} />
          <meta property="og:locale" content={locale === 'es' ? 'es_ES' : 'en_US'} />
          {image && <meta property="og:image" content={image} />}
          {image && og.imageSize && <meta property="og:image:width" content={String(og.imageSize.width)} />}
          {image && og.imageSize && <meta property="og:image:height" content={String(og.imageSize.height)} />}
          {image && og.imageAlt && <meta property="og:image:alt" content={og.imageAlt} />}
          {(og.extra ?? []).map(([property, content]) => (
            <meta property={property} content={content} />
          ))}
          <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
          <meta name="twitter:title" content={og.title} />
          {(og.description ?? seo.description) && (
            <meta name="twitter:description" content={og.description ?? seo.description} />
          )}
          {image && <meta name="twitter:image" content={image} />}
        </>
      )}
      {(seo.jsonLd ?? []).map((data) => (
        <script type="application/ld+json">{jsonLdText(data)}</script>
      ))}
    </>
  );
}
