import type { FastifyInstance } from 'fastify';
import { categoryDates, countProducts, sitemapProducts } from '../../modules/catalog/index.js';
import { helpPageDates, helpSlugs } from '../../modules/help/index.js';
import { publishedCenterDates } from '../../modules/repair-centers/index.js';
import { categories } from '../../platform/categories.js';
import type { Db } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { isLocale, type Locale } from '../../platform/i18n/index.js';
import { newest, type SitemapEntry, sitemapIndex, urlset } from './sitemap.js';

/** Products per sitemap file: two URLs each (one per language), well under the 50,000 a file may list. */
export const PRODUCTS_PER_SITEMAP = 10_000;

/** Areas a search engine has no business in: private pages, the back office, the API (in both languages). */
const PRIVATE = ['/admin', '/cart', '/orders', '/account', '/after-sales', '/repair-centers', '/api/'];

const xmlReply = 'application/xml; charset=utf-8';

/** robots.txt and the sitemaps: what is public, in both languages, with `lastmod` from the data (ADR 0026). */
export async function seoRoutes(app: FastifyInstance, { db, publicUrl }: { db: Db; publicUrl: string }) {
  app.get('/robots.txt', async (_req, reply) => {
    const lines = ['User-agent: *', ...PRIVATE.flatMap((p) => [`Disallow: ${p}`, `Disallow: /es${p}`]), ''];
    lines.push(`Sitemap: ${publicUrl}/sitemap.xml`, '');
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(lines.join('\n'));
  });

  app.get('/sitemap.xml', async (_req, reply) => {
    const [count, dates] = await Promise.all([countProducts(db), categoryDates(db)]);
    const files = [{ loc: `${publicUrl}/sitemaps/pages.xml`, lastmod: newest(dates.map((d) => d.updatedAt)) }];
    for (let n = 1; n <= Math.ceil(count / PRODUCTS_PER_SITEMAP); n++)
      files.push({ loc: `${publicUrl}/sitemaps/products-${n}.xml`, lastmod: undefined });
    return reply.type(xmlReply).send(sitemapIndex(files));
  });

  app.get('/sitemaps/pages.xml', async (_req, reply) => {
    const [byCategory, help, centers] = await Promise.all([
      categoryDates(db),
      helpPageDates(db),
      publishedCenterDates(db),
    ]);
    const categoryDate = new Map(byCategory.map((c) => [c.category, c.updatedAt]));
    const helpDate = (slug: string) => {
      const out: Partial<Record<Locale, Date>> = {};
      for (const h of help) if (h.slug === slug && isLocale(h.locale)) out[h.locale] = h.updatedAt;
      return out;
    };
    const entries: SitemapEntry[] = [
      { path: '/', lastmod: newest([...categoryDate.values()]) },
      ...categories.map((c) => ({ path: `/categories/${c.slug}`, lastmod: categoryDate.get(c.slug) })),
      { path: '/help' },
      ...helpSlugs.map((slug) => ({ path: `/help/${slug}`, lastmod: helpDate(slug) })),
      { path: '/asic-miner-repair', lastmod: newest(centers.map((c) => c.publishedAt)) },
      ...centers.map((c) => ({ path: `/asic-miner-repair/${c.id}`, lastmod: c.publishedAt ?? undefined })),
    ];
    return reply.type(xmlReply).send(urlset(publicUrl, entries));
  });

  app.get<{ Params: { n: string } }>('/sitemaps/products-:n.xml', async (req, reply) => {
    const n = Number(req.params.n);
    if (!Number.isInteger(n) || n < 1 || n > 10_000) throw notFound();
    const rows = await sitemapProducts(db, { offset: (n - 1) * PRODUCTS_PER_SITEMAP, limit: PRODUCTS_PER_SITEMAP });
    if (rows.length === 0 && n > 1) throw notFound();
    const entries = rows.map((p) => ({ path: `/products/${encodeURIComponent(p.slug)}`, lastmod: p.updatedAt }));
    return reply.type(xmlReply).send(urlset(publicUrl, entries));
  });
}
