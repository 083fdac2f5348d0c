import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { categorySlugs } from '../../../platform/categories.js';
import { notFound } from '../../../platform/errors.js';
import { type CatalogCache, decodeCursor, encodeCursor, PRODUCT_PAGE_SIZE, productSorts } from '../../catalog/index.js';
import { problems } from './responses.js';

const at = z.iso.datetime({ offset: true });

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

const productCard = z
  .object({
    id: z.int(),
    slug: z.string(),
    name: z.string(),
    brand: z.string(),
    kind: z.string(),
    priceCents: z.int(),
    stock: z.int(),
    backorderAllowed: z.boolean(),
    hashrate: z.number().nullable(),
    hashrateUnit: z.string().nullable(),
    powerW: z.int().nullable(),
    algorithm: z.string().nullable(),
    createdAt: at,
  })
  .meta({ id: 'ProductCard' });

const productDetail = productCard
  .extend({
    sku: z.string(),
    model: z.string(),
    category: z.string(),
    description: z.string(),
    weightGrams: z.int(),
    warrantyDays: z.int(),
    needsTesting: z.boolean(),
  })
  .meta({ id: 'Product' });

type Card = {
  id: number;
  slug: string;
  name: string;
  brand: string;
  kind: string;
  priceCents: number;
  stock: number;
  backorderAllowed: boolean;
  hashrate: number | null;
  hashrateUnit: string | null;
  powerW: number | null;
  algorithm: string | null;
  createdAt: Date;
};
const card = (p: Card) => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  brand: p.brand,
  kind: p.kind,
  priceCents: p.priceCents,
  stock: p.stock,
  backorderAllowed: p.backorderAllowed,
  hashrate: p.hashrate,
  hashrateUnit: p.hashrateUnit,
  powerW: p.powerW,
  algorithm: p.algorithm,
  createdAt: p.createdAt.toISOString(),
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
        params: z.strictObject({
          slug: z
            .string()
            .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
            .max(120),
        }),
        response: { 200: productDetail, ...problems(400, 404, 429) },
      },
    },
    async (req) => {
      const found = await cache.product(req.params.slug);
      if (!found) throw notFound();
      const { p } = found;
      return {
        ...card(p),
        sku: p.sku,
        model: p.model,
        category: p.category,
        description: p.description,
        weightGrams: p.weightGrams,
        warrantyDays: p.warrantyDays,
        needsTesting: p.needsTesting,
      };
    },
  );
}
