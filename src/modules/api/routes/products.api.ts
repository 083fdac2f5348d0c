import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { categorySlugs } from '../../../platform/categories.js';
import { notFound } from '../../../platform/errors.js';
import { type CatalogCache, decodeCursor, encodeCursor, PRODUCT_PAGE_SIZE, productSorts } from '../../catalog/index.js';
import { card, detailOf, productCard, productDetail, slugParams } from './product.schemas.js';
import { problems } from './responses.js';

export const productListQuery = z.strictObject({
  category: z.enum(categorySlugs).optional(),
  q: z.string().max(100).optional().describe('Words to search for (prefix match)'),
  brand: z.string().max(100).optional(),
  algorithm: z.string().max(100).optional(),
  minCents: z.coerce.number().int().min(0).max(10_000_000_000).optional(),
  maxCents: z.coerce.number().int().min(0).max(10_000_000_000).optional(),
  inStock: z.enum(['true', 'false']).optional(),
  sort: z.enum(productSorts).default('newest'),
  after: z.string().max(200).optional().describe('The `next` of the previous page'),
});

/** The catalog as the storefront shows it (same cache, same keyset pages); public, like the shop. */
export async function productApi(base: FastifyInstance, { cache }: { cache: CatalogCache }) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalog'];

  app.get(
    '/products',
    {
      schema: {
        tags,
        summary: 'List products',
        description: 'The storefront’s listing: 24 a page, keyset-paged with `after`.',
        security: [],
        querystring: productListQuery,
        response: {
          200: z.object({ items: z.array(productCard), next: z.string().optional() }),
          ...problems(400, 429),
        },
      },
    },
    async (req) => {
      const q = req.query;
      const { items, next } = await cache.page({
        category: q.category,
        q: q.q?.trim() || undefined,
        brand: q.brand,
        algorithm: q.algorithm,
        minCents: q.minCents,
        maxCents: q.maxCents,
        inStock: q.inStock === 'true',
        sort: q.sort,
        after: decodeCursor(q.after),
        limit: PRODUCT_PAGE_SIZE,
      });
      return { items: items.map(card), next: next && encodeCursor(next) };
    },
  );

  app.get(
    '/products/:slug',
    {
      schema: {
        tags,
        summary: 'Get a product',
        security: [],
        params: slugParams,
        response: { 200: productDetail, ...problems(400, 404, 429) },
      },
    },
    async (req) => {
      const found = await cache.product(req.params.slug);
      if (!found) throw notFound();
      return detailOf(found.p);
    },
  );
}
