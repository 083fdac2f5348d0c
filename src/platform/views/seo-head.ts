import { escapeHtml } from '@kitajs/html';
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

/** What a page tells search engines and chat apps beyond its title (ADR 0026). */
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

/** One empty element with every attribute value escaped, `<` included (no markup in head attributes, ever). */
const tag = (name: 'meta' | 'link', attrs: Record<string, string>) =>
  `<${name}${Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeHtml(v).replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`)
    .join('')}/>`;

/** The <head> tags of `seo` for this page: description, robots, canonical, hreflang, Open Graph, JSON-LD. */
export function seoHead(ctx: PageContext, seo: Seo = {}): string {
  const path = seo.canonical ?? ctx.path.split(/[?#]/)[0] ?? '/';
  const indexable = !seo.noindex && isPublicPage(path);
  const locale = ctx.i18n.locale;
  const here = absoluteUrl(ctx, localePath(locale, path));
  const out: string[] = [];
  const meta = (attrs: Record<string, string>) => out.push(tag('meta', attrs));
  if (seo.description) meta({ name: 'description', content: seo.description });
  if (!indexable) meta({ name: 'robots', content: 'noindex' });
  out.push(tag('link', { rel: 'canonical', href: here }));
  if (localePath('es', path) !== path) {
    for (const l of locales)
      out.push(tag('link', { rel: 'alternate', hreflang: l, href: absoluteUrl(ctx, localePath(l, path)) }));
    out.push(tag('link', { rel: 'alternate', hreflang: 'x-default', href: absoluteUrl(ctx, path) }));
  }
  const og = seo.og;
  if (og) {
    const description = og.description ?? seo.description;
    const image = og.image && absoluteUrl(ctx, og.image);
    const property = (p: string, content: string) => meta({ property: p, content });
    property('og:type', og.type);
    property('og:site_name', 'Hashcart');
    property('og:title', og.title);
    if (description) property('og:description', description);
    property('og:url', here);
    property('og:locale', locale === 'es' ? 'es_ES' : 'en_US');
    if (image) {
      property('og:image', image);
      if (og.imageSize) {
        property('og:image:width', String(og.imageSize.width));
        property('og:image:height', String(og.imageSize.height));
      }
      if (og.imageAlt) property('og:image:alt', og.imageAlt);
    }
    for (const [p, content] of og.extra ?? []) property(p, content);
    meta({ name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' });
    meta({ name: 'twitter:title', content: og.title });
    if (description) meta({ name: 'twitter:description', content: description });
    if (image) meta({ name: 'twitter:image', content: image });
  }
  for (const data of seo.jsonLd ?? []) out.push(`<script type="application/ld+json">${jsonLdText(data)}</script>`);
  return out.join('');
}
