import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/client.js';
import type { ActionContext } from '../../../platform/effects.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { sendPrivateFile } from '../../../platform/http/send-private-file.js';
import type { Storage } from '../../../platform/storage.js';
import {
  actorOf,
  cancelOrder,
  listOrders,
  type Order,
  type OrderHooks,
  orderListFilters,
  postMessage,
  setFreight,
  staffRolesFor,
} from '../../orders/index.js';
import { findProof, reviewPaymentProof } from '../../payments/index.js';
import { buyerOf, readerOf, staffActor } from '../api-caller.js';
import { idempotent } from '../idempotency.js';
import {
  messageBody,
  messageCreated,
  optionalReasonBody,
  orderDetail,
  orderNumberParams,
  orderPage,
  proofParams,
  reasonBody,
  setFreightBody,
} from './order.schemas.js';
import { describeOrder, freshOrder, loadOrder, type Reader } from './order-detail.js';
import { problems } from './responses.js';

const iso = (d: Date) => d.toISOString();

/**
 * Orders: the back office's list (same filters, same keyset pages), one order with what its
 * pages show, and the transitions, each through the action the page uses.
 */
export async function orderApi(
  base: FastifyInstance,
  { db, actions, hooks, storage }: { db: Db; actions: ActionContext; hooks: OrderHooks; storage: Storage },
) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];

  const load = (number: string, reader: Reader) => loadOrder(db, number, reader);
  const detail = (order: Order, reader: Reader) => describeOrder(db, order, reader);
  const fresh = (number: string, req: FastifyRequest) => freshOrder(db, number, req);

  app.get(
    '/orders',
    {
      schema: {
        tags,
        summary: 'List orders',
        description:
          'Newest first, 50 a page, with the filters of the back office’s all-orders list. Staff see every order; a buyer’s session its own.',
        querystring: orderListFilters,
        response: { 200: orderPage, ...problems(400, 401, 403, 429) },
      },
    },
    async (req) => {
      const reader = readerOf(req);
      const filters = reader.staff ? req.query : { ...req.query, customer: reader.actors[0]!.id };
      const page = await listOrders(db, filters, new Date());
      return {
        items: page.rows.map((r) => ({
          number: r.number,
          status: r.status,
          fullName: r.fullName,
          email: r.email,
          country: r.country,
          shippingMethod: r.shippingMethod,
          goodsCents: r.goodsCents,
          totalCents: r.totalCents,
          createdAt: iso(r.createdAt),
        })),
        next: page.next,
        previous: page.previous,
      };
    },
  );

  app.get(
    '/orders/:number',
    {
      schema: {
        tags,
        summary: 'Get an order',
        description: 'Lines, totals, paid and balance, parcels, proofs, the timeline and the next possible actions.',
        params: orderNumberParams,
        response: { 200: orderDetail, ...problems(400, 401, 404, 429) },
      },
    },
    async (req) => {
      const reader = readerOf(req);
      return detail(await load(req.params.number, reader), reader);
    },
  );

  app.post(
    '/orders/:number/freight',
    {
      schema: {
        tags,
        summary: 'Set freight (sales)',
        description: 'Quotes freight (and optionally line prices): the order moves to awaiting payment.',
        params: orderNumberParams,
        body: setFreightBody,
        response: { 200: orderDetail, ...problems(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const user = staffActor(req, staffRolesFor('setFreight'));
      const order = await load(req.params.number, { staff: true, actors: [user] });
      await idempotent(db, req, reply, async () => {
        await setFreight(actions, order, actorOf(user), {
          freightCents: req.body.freightCents,
          validDays: req.body.validDays,
          note: req.body.note,
          linePrices: new Map(req.body.linePrices.map((l) => [l.lineId, l.unitPriceCents])),
        });
        return { status: 200, body: await fresh(order.number, req) };
      });
    },
  );

  app.get(
    '/orders/:number/proofs/:proofId/file',
    {
      schema: {
        tags,
        summary: 'Download a payment proof',
        description: 'The file as the buyer uploaded it (image or PDF), as an attachment. Staff, or the order’s buyer.',
        params: proofParams,
        response: {
          200: {
            description: 'The proof file',
            content: { 'application/octet-stream': { schema: z.string().describe('binary') } },
          },
          ...problems(400, 401, 404, 429),
        },
      },
    },
    async (req, reply) => {
      const order = await load(req.params.number, readerOf(req));
      const proof = await findProof(db, order.id, req.params.proofId);
      if (!proof) throw notFound();
      await sendPrivateFile(req, reply, storage, {
        key: proof.fileKey,
        type: proof.mimeType,
        filename: `proof-${order.number}-${proof.id}.${proof.fileKey.split('.').pop()}`,
        inline: false,
      });
    },
  );

  for (const decision of ['approve', 'reject'] as const) {
    const event = decision === 'approve' ? 'approvePayment' : 'rejectPayment';
    app.post(
      `/orders/:number/proofs/:proofId/${decision}`,
      {
        schema: {
          tags,
          summary: decision === 'approve' ? 'Approve a payment proof (finance)' : 'Reject a payment proof (finance)',
          params: proofParams,
          ...(decision === 'reject' ? { body: reasonBody } : {}),
          response: { 200: orderDetail, ...problems(400, 401, 403, 404, 409, 422, 429) },
        },
      },
      async (req, reply) => {
        const user = staffActor(req, staffRolesFor(event));
        const order = await load(req.params.number, { staff: true, actors: [user] });
        const reason = (req.body as { reason?: string } | undefined)?.reason ?? '';
        await idempotent(db, req, reply, async () => {
          await reviewPaymentProof(
            actions,
            order,
            req.params.proofId,
            actorOf(user),
            decision === 'approve' ? { approve: true } : { approve: false, reason },
          );
          return { status: 200, body: await fresh(order.number, req) };
        });
      },
    );
  }

  app.post(
    '/orders/:number/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an order',
        description:
          'Staff (sales; admin once paid) give a reason; the buyer’s session cancels its own order until payment is approved.',
        params: orderNumberParams,
        body: optionalReasonBody,
        response: { 200: orderDetail, ...problems(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const buyer = buyerOf(req);
      const user = buyer ?? staffActor(req, staffRolesFor('cancelOrder'));
      const order = await load(req.params.number, { staff: !buyer, actors: [user] });
      if (!buyer && !req.body.reason) throw new AppError('VALIDATION', { fields: { reason: 'field.reasonMissing' } });
      await idempotent(db, req, reply, async () => {
        await cancelOrder(
          actions,
          order,
          actorOf(user),
          buyer ? 'cancelByCustomer' : 'cancelOrder',
          req.body.reason,
          hooks,
        );
        return { status: 200, body: await fresh(order.number, req) };
      });
    },
  );

  app.post(
    '/orders/:number/messages',
    {
      schema: {
        tags,
        summary: 'Post a message on the order’s thread',
        params: orderNumberParams,
        body: messageBody,
        response: { 201: messageCreated, ...problems(400, 401, 404, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const reader = readerOf(req);
      const order = await load(req.params.number, reader);
      const author = reader.staff ? staffActor(req, []) : reader.actors[0]!;
      const internal = reader.staff && req.body.internal;
      await idempotent(db, req, reply, async () => {
        await postMessage(actions, order, author, req.body.body, internal);
        return { status: 201, body: { orderNumber: order.number, internal } };
      });
    },
  );
}
