import type { FastifyRequest } from 'fastify';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { oneRow } from '../../../platform/db/capped-count.js';
import type { Db } from '../../../platform/db/client.js';
import { notFound } from '../../../platform/errors.js';
import {
  actorOf,
  availableEvents,
  balanceCents,
  findOrderByNumber,
  type Order,
  type OrderEvent,
  orderListsSql,
  orderMachine,
  snapshotOf,
} from '../../orders/index.js';
import { evidenceGapsOf } from '../../packing/index.js';
import { proofsOfOrderSql } from '../../payments/index.js';
import { readerOf } from '../api-caller.js';

export type Reader = ReturnType<typeof readerOf>;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** Staff reach every order; a buyer's session only its own (404 for the rest, as the pages do). */
export async function loadOrder(db: Db, number: string, reader: { staff: boolean; actors: CurrentUser[] }) {
  const order = await findOrderByNumber(db, number);
  if (!order || (!reader.staff && order.customerId !== reader.actors[0]!.id)) throw notFound();
  return order;
}

/**
 * One order as its pages show it: lines, totals, paid and balance, parcels, proofs, the
 * timeline (public events only for the buyer), what packing still lacks before it may ship
 * (staff, once paid) and the events the caller may fire now, from the machine.
 */
export async function describeOrder(db: Db, order: Order, reader: Reader, now = new Date()) {
  const [[parts], gaps] = await Promise.all([
    db.select({ ...orderListsSql(order, reader.staff), proofs: proofsOfOrderSql(order.id) }).from(oneRow),
    reader.staff && order.status === 'ready_to_ship' ? evidenceGapsOf(db, order.id) : [],
  ]);
  if (!parts) throw notFound();
  const next = new Set<OrderEvent>();
  for (const a of reader.actors) for (const e of availableEvents(snapshotOf(order), actorOf(a), now)) next.add(e);
  // Shipping also needs the packing evidence, which the order machine does not see: offer it once complete.
  if (gaps.length > 0) next.delete('markShipped');
  return {
    number: order.number,
    status: order.status,
    createdAt: iso(order.createdAt),
    shipTo: {
      fullName: order.fullName,
      phone: order.phone,
      email: order.email,
      country: order.country,
      city: order.city,
      address: order.address,
      postalCode: order.postalCode,
    },
    shippingMethod: order.shippingMethod,
    paymentMethodId: order.paymentMethodId,
    goodsCents: order.goodsCents,
    freightCents: order.freightCents,
    totalCents: order.totalCents,
    paidCents: order.paidCents,
    balanceCents: balanceCents(order.totalCents, order.paidCents),
    quoteValidUntil: isoOrNull(order.quoteValidUntil),
    paymentDueAt: isoOrNull(order.paymentDueAt),
    lines: parts.lines.map((l) => ({
      id: l.id,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      listPriceCents: l.listPriceCents,
      unitPriceCents: l.unitPriceCents,
    })),
    parcels: parts.shipments.map((s) => ({
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      createdAt: iso(s.createdAt),
    })),
    proofs: parts.proofs.map((p) => ({
      id: p.id,
      status: p.status,
      amountCents: p.amountCents,
      reference: p.reference,
      paidOn: p.paidOn,
      duplicateOfOrder: reader.staff ? p.duplicateOfOrder : null,
      createdAt: iso(p.createdAt),
    })),
    packingGaps: orderMachine.is.paid(order.status) ? gaps : [],
    timeline: parts.events.map((e) => ({
      event: e.event,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorRole: e.actorRole,
      via: reader.staff ? e.via : null,
      note: e.note,
      at: iso(e.createdAt),
    })),
    nextActions: [...next],
  };
}

/** After a change: the order as it now is, read again for the caller. */
export async function freshOrder(db: Db, number: string, req: FastifyRequest) {
  const reader = readerOf(req);
  return describeOrder(db, await loadOrder(db, number, reader), reader);
}
