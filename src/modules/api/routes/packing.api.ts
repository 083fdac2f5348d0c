import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../../platform/db/client.js';
import type { ActionContext } from '../../../platform/effects.js';
import { actorOf, type Order, staffRolesFor } from '../../orders/index.js';
import {
  addParcel,
  evidenceGapsOf,
  markShipped,
  packingEvidenceOf,
  packingLinesOf,
  packingRoles,
  recordUnit,
} from '../../packing/index.js';
import { readerOf, staffActor } from '../api-caller.js';
import { idempotent } from '../idempotency.js';
import { orderDetail, orderNumberParams } from './order.schemas.js';
import { freshOrder, loadOrder } from './order-detail.js';
import { packingRecord, parcelBody, shipBody, unitBody } from './packing.schemas.js';
import { problems } from './responses.js';

/** What has been recorded on an order's parcels, and what is still missing before it may ship. */
export async function packingRecordOf(db: Db, order: Order) {
  const [evidence, lines, gaps] = await Promise.all([
    packingEvidenceOf(db, order.id),
    packingLinesOf(db, order.id),
    evidenceGapsOf(db, order.id),
  ]);
  return {
    lines: lines.map((l) => ({ id: l.id, sku: l.sku, name: l.name, quantity: l.quantity, kind: l.kind })),
    parcels: evidence.parcels.map((p) => ({
      id: p.id,
      position: p.position,
      sealNumbers: p.sealNumbers,
      correctionReason: p.correctionReason,
      files: p.files.map((f) => ({ id: f.id, kind: f.kind, mimeType: f.mimeType, sha256: f.sha256 })),
      units: p.units.map((u) => ({
        id: u.id,
        orderLineId: u.orderLineId,
        serialNumber: u.serialNumber,
        burnInPassed: u.burnInPassed,
        replacedBy: u.replacedBy,
        createdAt: u.createdAt.toISOString(),
      })),
    })),
    gaps,
  };
}

/**
 * The warehouse's packing record and shipment, through the actions the staff order page
 * uses: shipping is refused (422, the missing evidence named) until every parcel has a seal
 * and a photo or video and every unit its serial (and a miner its burn-in), exactly as there.
 */
export async function packingApi(base: FastifyInstance, { db, actions }: { db: Db; actions: ActionContext }) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['packing'];
  const warehouse = async (req: Parameters<typeof staffActor>[0], number: string) => {
    const user = staffActor(req, packingRoles);
    return { user, order: await loadOrder(db, number, { staff: true, actors: [user] }) };
  };

  app.get(
    '/orders/:number/packing',
    {
      schema: {
        tags,
        summary: 'Get the packing record (staff)',
        description: 'Parcels with their seals, photos and videos and unit serials; what is missing before shipping.',
        params: orderNumberParams,
        response: { 200: packingRecord, ...problems(400, 401, 403, 404, 429) },
      },
    },
    async (req) => {
      const reader = readerOf(req);
      if (!reader.staff) staffActor(req, []);
      return packingRecordOf(db, await loadOrder(db, req.params.number, reader));
    },
  );

  app.post(
    '/orders/:number/packing/parcels',
    {
      schema: {
        tags,
        summary: 'Add a parcel with its seal numbers (warehouse)',
        description:
          'While the order is ready to ship; afterwards only as a correction with a reason. Answers the packing record; the new parcel is the last.',
        params: orderNumberParams,
        body: parcelBody,
        response: { 201: packingRecord, ...problems(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const { user, order } = await warehouse(req, req.params.number);
      await idempotent(db, req, reply, async () => {
        await addParcel(actions, order, user, { seals: req.body.seals, reason: req.body.reason });
        return { status: 201, body: await packingRecordOf(db, order) };
      });
    },
  );

  app.post(
    '/orders/:number/packing/units',
    {
      schema: {
        tags,
        summary: 'Record a unit’s serial and burn-in (warehouse)',
        description: 'One unit of a serial-tracked line (miner, PSU, hash board) in a parcel; miners need the burn-in.',
        params: orderNumberParams,
        body: unitBody,
        response: { 201: packingRecord, ...problems(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const { user, order } = await warehouse(req, req.params.number);
      await idempotent(db, req, reply, async () => {
        await recordUnit(actions, order, user, { ...req.body, burnIn: req.body.burnIn });
        return { status: 201, body: await packingRecordOf(db, order) };
      });
    },
  );

  app.post(
    '/orders/:number/ship',
    {
      schema: {
        tags,
        summary: 'Mark as shipped (warehouse)',
        description:
          'Carrier and one tracking number per parcel. Refused with 422 while the packing evidence is incomplete (`errors` names what is missing).',
        params: orderNumberParams,
        body: shipBody,
        response: { 200: orderDetail, ...problems(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const user = staffActor(req, staffRolesFor('markShipped'));
      const order = await loadOrder(db, req.params.number, { staff: true, actors: [user] });
      await idempotent(db, req, reply, async () => {
        await markShipped(actions, order, actorOf(user), req.body.carrier, req.body.trackingNumbers);
        return { status: 200, body: await freshOrder(db, order.number, req) };
      });
    },
  );
}
