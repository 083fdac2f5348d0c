import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/client.js';
import { listProofs, proofStatuses } from '../../payments/index.js';
import { readerOf, staffActor } from '../api-caller.js';
import { orderNumberParams } from './order.schemas.js';
import { describeOrder, loadOrder } from './order-detail.js';
import { problems } from './responses.js';

const PAGE = 50;
const status = z.enum(proofStatuses);

const proofRow = z
  .object({
    id: z.int(),
    orderNumber: z.string(),
    status,
    amountCents: z.int().describe('US cents'),
    reference: z.string(),
    paidOn: z.string(),
    duplicateOfOrder: z.string().nullable().describe('Another order already used a file with the same SHA-256'),
    sha256: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'PaymentProof' });

const proofPage = z
  .object({
    items: z.array(proofRow),
    next: z.string().optional().describe('Pass as `before` for older proofs'),
  })
  .meta({ id: 'PaymentProofPage' });

const proofQuery = z.strictObject({
  status: status.optional().describe('`pending`: the proofs waiting for finance'),
  before: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

/** Finance's queue of proofs across orders, and one order's proofs (staff, or the order's buyer). */
export async function proofApi(base: FastifyInstance, { db }: { db: Db }) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['payments'];

  app.get(
    '/proofs',
    {
      schema: {
        tags,
        summary: 'List payment proofs (staff)',
        description: 'Newest first, 50 a page; `status=pending` is the review queue. Download each with its order.',
        querystring: proofQuery,
        response: { 200: proofPage, ...problems(400, 401, 403, 429) },
      },
    },
    async (req) => {
      staffActor(req, []);
      const rows = await listProofs(db, req.query, PAGE + 1);
      const items = rows.slice(0, PAGE).map((p) => ({ ...p, createdAt: p.createdAt.toISOString() }));
      return { items, next: rows.length > PAGE ? String(items.at(-1)!.id) : undefined };
    },
  );

  app.get(
    '/orders/:number/proofs',
    {
      schema: {
        tags,
        summary: 'List an order’s payment proofs',
        description: 'Staff, or the order’s buyer (who does not see the duplicate flag).',
        params: orderNumberParams,
        response: {
          200: z.object({ items: z.array(proofRow.omit({ sha256: true })) }),
          ...problems(400, 401, 404, 429),
        },
      },
    },
    async (req) => {
      const reader = readerOf(req);
      const order = await describeOrder(db, await loadOrder(db, req.params.number, reader), reader);
      return { items: order.proofs.map((p) => ({ ...p, orderNumber: order.number })) };
    },
  );
}
