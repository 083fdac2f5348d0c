import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/client.js';
import type { ActionContext } from '../../../platform/effects.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { parseForm } from '../../../platform/http/forms.js';
import { centsToUsdInput } from '../../../platform/money.js';
import {
  adjustProductStock,
  categories,
  createProduct,
  findProductById,
  findProductBySlug,
  listNetworkFigures,
  networkFigureForm,
  newProductForm,
  productForm,
  saveNetworkFigure,
  stockAdjustmentForm,
  stockLedger,
  updateProduct,
} from '../../catalog/index.js';
import { staffActor } from '../api-caller.js';
import { idempotent } from '../idempotency.js';
import {
  detailOf,
  formValuesOf,
  networkFigure,
  networkFigureBody,
  networkFigureParams,
  productCreate,
  productDetail,
  productPatch,
  slugParams,
  stockAdjustmentBody,
  stockLedgerBody,
  writeOf,
} from './product.schemas.js';
import { problems } from './responses.js';

/** The back office's roles for these (product-admin.routes.tsx): products and stock admin, figures sales. */
const PRODUCT_ROLES = ['admin'] as const;
const FIGURE_ROLES = ['sales'] as const;

/** The form's own rules decide; what they refuse is a 422 naming each field, as the page shows it. */
function byFormRules<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
  const form = parseForm(schema, values);
  if (!form.ok) throw new AppError('VALIDATION', { fields: form.errors });
  return form.data;
}

/**
 * Catalog writes through the back office's actions: products (create, partial update),
 * the stock ledger (list, adjust: never the stock itself), categories and network figures.
 */
export async function catalogAdminApi(base: FastifyInstance, { db, actions }: { db: Db; actions: ActionContext }) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalog'];
  const product = async (slug: string) => {
    const p = await findProductBySlug(db, slug);
    if (!p) throw notFound();
    return p;
  };
  const fresh = async (id: number) => detailOf((await findProductById(db, id))!);

  app.post(
    '/products',
    {
      schema: {
        tags,
        summary: 'Create a product (admin)',
        description: 'Stock starts at `initialStock` (0 when absent), recorded as the ledger’s first row.',
        body: productCreate,
        response: { 201: productDetail, ...problems(400, 401, 403, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const user = staffActor(req, PRODUCT_ROLES);
      await idempotent(db, req, reply, async () => {
        const data = byFormRules(newProductForm, formValuesOf(req.body));
        const { id } = await createProduct(actions, user, data);
        return { status: 201, body: await fresh(id) };
      });
    },
  );

  app.patch(
    '/products/:slug',
    {
      schema: {
        tags,
        summary: 'Update a product (admin)',
        description: 'Changes only the fields sent; the rest stay as they are. Stock is not a field here.',
        params: slugParams,
        body: productPatch,
        response: { 200: productDetail, ...problems(400, 401, 403, 404, 422, 429) },
      },
    },
    async (req) => {
      const user = staffActor(req, PRODUCT_ROLES);
      const p = await product(req.params.slug);
      const data = byFormRules(productForm, formValuesOf({ ...writeOf(p), ...req.body }));
      await updateProduct(actions, p.id, data, user);
      return fresh(p.id);
    },
  );

  app.get(
    '/products/:slug/stock',
    {
      schema: {
        tags,
        summary: 'The product’s stock ledger (admin)',
        params: slugParams,
        response: { 200: stockLedgerBody, ...problems(400, 401, 403, 404, 429) },
      },
    },
    async (req) => {
      staffActor(req, PRODUCT_ROLES);
      const p = await product(req.params.slug);
      const ledger = await stockLedger(db, p.id);
      return {
        stock: p.stock,
        items: ledger.rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
        total: ledger.total,
        more: ledger.more,
      };
    },
  );

  app.post(
    '/products/:slug/stock',
    {
      schema: {
        tags,
        summary: 'Adjust stock (admin)',
        description: 'One ledger row (+/− units, with the note); the stock never goes below zero.',
        params: slugParams,
        body: stockAdjustmentBody,
        response: { 201: stockLedgerBody, ...problems(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const user = staffActor(req, PRODUCT_ROLES);
      const p = await product(req.params.slug);
      await idempotent(db, req, reply, async () => {
        const stock = await adjustProductStock(actions, user, p.id, byFormRules(stockAdjustmentForm, req.body));
        const ledger = await stockLedger(db, p.id);
        const items = ledger.rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
        return { status: 201, body: { stock, items, total: ledger.total, more: ledger.more } };
      });
    },
  );

  app.get(
    '/categories',
    {
      schema: {
        tags,
        summary: 'List categories',
        description: 'The fixed category tree; `name` in the caller’s language (`Accept-Language`).',
        security: [],
        response: {
          200: z.object({ items: z.array(z.object({ slug: z.string(), name: z.string() }).meta({ id: 'Category' })) }),
          ...problems(429),
        },
      },
    },
    async (req) => ({ items: categories.map((c) => ({ slug: c.slug, name: req.i18n.t(c.name) })) }),
  );

  app.get(
    '/network-figures',
    {
      schema: {
        tags,
        summary: 'Network figures (sales)',
        description: 'What the miner pages’ profitability estimate uses, per algorithm.',
        response: { 200: z.object({ items: z.array(networkFigure) }), ...problems(401, 403, 429) },
      },
    },
    async (req) => {
      staffActor(req, FIGURE_ROLES);
      const rows = await listNetworkFigures(db);
      return { items: rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })) };
    },
  );

  app.put(
    '/network-figures/:algorithm',
    {
      schema: {
        tags,
        summary: 'Set an algorithm’s network figures (sales)',
        description: 'Replaces the figures (the hashrate in the unit given, stored in H/s).',
        params: networkFigureParams,
        body: networkFigureBody,
        response: { 200: networkFigure, ...problems(400, 401, 403, 422, 429) },
      },
    },
    async (req) => {
      const user = staffActor(req, FIGURE_ROLES);
      const { coinPriceCents, ...rest } = req.body;
      const values = { ...rest, algorithm: req.params.algorithm, coinPrice: centsToUsdInput(coinPriceCents) };
      await saveNetworkFigure(actions, user, byFormRules(networkFigureForm, values));
      const row = (await listNetworkFigures(db)).find((r) => r.algorithm === req.params.algorithm)!;
      return { ...row, updatedAt: row.updatedAt.toISOString() };
    },
  );
}
