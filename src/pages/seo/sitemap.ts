import { localePath } from '../../platform/http/locale.js';
import { locales } from '../../platform/i18n/index.js';

/** One page of the site, in every language: its unprefixed path and when its content last changed. */
export interface SitemapEntry {
  path: string;
  /** Per language when it differs (help prose is edited per language), else one date; none when unknown. */
  lastmod?: Date | Partial<Record<(typeof locales)[number], Date>>;
}

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A `urlset` listing each page once per language, each with its alternates (xhtml:link),
 * as search engines read language versions from a sitemap.
 */
export function urlset(origin: string, entries: readonly SitemapEntry[]): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const e of entries) {
    const alternates = [
      ...locales.map((l) => [l, `${origin}${localePath(l, e.path)}`] as const),
      ['x-default', `${origin}${e.path}`] as const,
    ]
      .map(([l, href]) => `<xhtml:link rel="alternate" hreflang="${l}" href="${xml(href)}"/>`)
      .join('');
    for (const l of locales) {
      const lastmod = e.lastmod instanceof Date ? e.lastmod : e.lastmod?.[l];
      out.push(
        `<url><loc>${xml(`${origin}${localePath(l, e.path)}`)}</loc>${lastmod ? `<lastmod>${day(lastmod)}</lastmod>` : ''}${alternates}</url>`,
      );
    }
  }
  out.push('</urlset>');
  return out.join('\n');
}

export function sitemapIndex(files: readonly { loc: string; lastmod?: Date }[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...files.map(
      (f) => `<sitemap><loc>${xml(f.loc)}</loc>${f.lastmod ? `<lastmod>${day(f.lastmod)}</lastmod>` : ''}</sitemap>`,
    ),
    '</sitemapindex>',
  ].join('\n');
}

/** Newest of some dates, or undefined. */
export const newest = (dates: readonly (Date | null | undefined)[]) =>
  dates.reduce<Date | undefined>((a, d) => (d && (!a || d > a) ? d : a), undefined);
