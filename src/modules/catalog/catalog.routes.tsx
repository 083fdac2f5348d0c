import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type CategorySlug, findCategory } from '../../platform/categories.js';
import { notFound } from '../../platform/errors.js';
import { pageContext } from '../../platform/http/page-context.js';
import { sendVisitorPage } from '../../platform/http/visitor-page.js';
import { i18n, plainText } from '../../platform/i18n/index.js';
import type { Storage } from '../../platform/storage.js';
import type { CatalogCache } from './catalog.cache.js';
import { encodeCursor, kwhQuery, type ListingQuery, listingQuery } from './catalog.inputs.js';
import { createOgImages } from './og-image.js';
import { productSpecs } from './product.seo.js';
import { HomePage } from './views/home-page.js';
import { ListingPage } from './views/listing-page.js';
import { DEFAULT_KWH_CENTS, ProductPage, ProfitEstimate } from './views/product-page.js';

export const PAGE_SIZE = 24;
const COUNT_CAP = 1000;

function toListQuery(q: ListingQuery, category?: CategorySlug) {
  return {
    category,
    q: q.q,
    brand: q.brand,
    algorithm: q.algorithm,
    minCents: q.min === undefined ? undefined : q.min * 100,
    maxCents: q.max === undefined ? undefined : q.max * 100,
    inStock: q.stock === '1',
    sort: q.sort,
    after: q.after,
    limit: PAGE_SIZE,
  };
}

/** The query string as it was understood, to refill the filter form and build page links. */
function echo(q: ListingQuery): Record<string, string> {
  const out: Record<string, string> = { sort: q.sort };
  for (const k of ['q', 'brand', 'algorithm', 'min', 'max', 'stock'] as const)
    if (q[k] !== undefined) out[k] = String(q[k]);
  return out;
}

/** Storefront reads go through the catalog cache (see catalog.cache.ts for its invalidation). */
export async function catalogRoutes(
  app: FastifyInstance,
  opts: {
    cache: CatalogCache;
    /** Where uploaded product pictures are, for the Open Graph image. */
    storage: Storage;
  },
) {
  const { cache } = opts;
  const ogImages = createOgImages(opts.storage);
  async function listing(q: ListingQuery, category?: CategorySlug) {
    const query = toListQuery(q, category);
    const [page, count, facets] = await Promise.all([
      cache.page(query),
      cache.count(query, COUNT_CAP),
      category ? cache.facets(category) : undefined,
    ]);
    return { ...page, count, facets };
  }

  // Whole pages for visitors who are not logged in come from the same cache (ADR 0010).
  const sendPage = (req: FastifyRequest, reply: FastifyReply, render: Parameters<typeof sendVisitorPage>[3]) =>
    sendVisitorPage(req, reply, cache.visitorPage, render);

  app.get('/', (req, reply) =>
    sendPage(req, reply, async (ctx) => {
      const { featured, newest } = await cache.home();
      return <HomePage ctx={ctx} featured={featured} newest={newest} />;
    }),
  );

  app.get<{ Params: { slug: string } }>('/categories/:slug', async (req, reply) => {
    const category = findCategory(req.params.slug);
    if (!category) throw notFound();
    return sendPage(req, reply, async (ctx) => {
      const q = listingQuery.parse(req.query);
      const r = await listing(q, category.slug);
      return (
        <ListingPage
          ctx={ctx}
          v={{
            title: ctx.t(category.name),
            action: `/categories/${category.slug}`,
            params: echo(q),
            facets: r.facets,
            items: r.items,
            count: r.count,
            countCap: COUNT_CAP,
            nextCursor: r.next && encodeCursor(r.next),
            page: q.page,
            seo: {
              description: plainText(ctx.i18n.locale, 'seo.categoryDescription', {
                category: plainText(ctx.i18n.locale, category.name),
              }),
              og: { type: 'website', title: plainText(ctx.i18n.locale, category.name) },
            },
          }}
        />
      );
    });
  });

  app.get('/search', (req, reply) =>
    sendPage(req, reply, async (ctx) => {
      const q = listingQuery.parse(req.query);
      q.q ??= '';
      const r = await listing(q);
      return (
        <ListingPage
          ctx={ctx}
          v={{
            title: ctx.t('search.title', { q: q.q }),
            action: '/search',
            params: echo(q),
            items: r.items,
            count: r.count,
            countCap: COUNT_CAP,
            nextCursor: r.next && encodeCursor(r.next),
            page: q.page,
            seo: { noindex: true },
          }}
        />
      );
    }),
  );

  app.get<{ Params: { slug: string } }>('/products/:slug', (req, reply) =>
    sendPage(req, reply, async (ctx) => {
      const found = await cache.product(req.params.slug);
      if (!found) throw notFound();
      const { p, network } = found;
      const kwhCents = kwhQuery.parse(req.query).kwh ?? DEFAULT_KWH_CENTS;
      return <ProductPage ctx={ctx} v={{ p, network, kwhCents }} />;
    }),
  );

  // The picture chat apps show for a shared product link (they ignore SVG): a PNG drawn once per product version.
  app.get<{ Params: { slug: string } }>('/products/:slug/og.png', async (req, reply) => {
    const found = await cache.product(req.params.slug);
    if (!found) throw notFound();
    const { p } = found;
    const en = i18n('en');
    const png = await ogImages(p, {
      name: p.name,
      brand: p.brand,
      specs: productSpecs(en, p),
      price: en.money(p.priceCents),
    });
    return reply.type('image/png').header('cache-control', 'public, max-age=86400').send(png);
  });

  app.get<{ Params: { slug: string } }>('/products/:slug/profit', async (req, reply) => {
    const found = await cache.product(req.params.slug);
    if (!found?.network) throw notFound();
    const { p, network } = found;
    const kwhCents = kwhQuery.parse(req.query).kwh ?? DEFAULT_KWH_CENTS;
    return reply
      .type('text/html; charset=utf-8')
      .send(<ProfitEstimate ctx={pageContext(req)} p={p} network={network} kwhCents={kwhCents} />);
  });
}
