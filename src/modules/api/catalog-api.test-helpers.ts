import type { FastifyInstance } from 'fastify';
import { api } from '../../../test/api.js';
import type { BrowserClient } from '../../../test/browser-client.js';
import { png, today } from '../../../test/orders.js';
import { paidOrder } from '../../../test/refunds.js';
import type { Db } from '../../platform/db/client.js';
import { repairCenters } from '../../platform/db/schema.js';

let n = 0;
/** A product as the API takes it (unique slug and SKU). */
export const productBody = (overrides: Record<string, unknown> = {}) => {
  const i = `${process.pid}-${++n}`;
  return {
    name: `Antminer S21 ${i}`,
    slug: `antminer-s21-api-${i}`,
    sku: `S21-API-${i}`,
    brand: 'Bitmain',
    model: 'S21',
    category: 'asic-miners',
    kind: 'miner',
    algorithm: 'SHA-256',
    hashrate: 200,
    hashrateUnit: 'TH/s',
    powerW: 3500,
    priceCents: 450_000,
    needsTesting: true,
    weightGrams: 15_400,
    warrantyDays: 180,
    customsDescription: 'Cryptocurrency mining machine (ASIC)',
    initialStock: 4,
    ...overrides,
  };
};

/** A repair center waiting for review, as its owner's submission leaves it. */
export async function submittedCenter(db: Db, ownerId: number) {
  const [row] = await db
    .insert(repairCenters)
    .values({
      ownerId,
      name: `Almaty Miner Service ${++n}`,
      country: 'KZ',
      city: 'Almaty',
      address: '12 Abay Avenue',
      phone: '+7 727 000 0000',
      email: 'repairs@example.kz',
      brands: ['Bitmain'],
    })
    .returning();
  return row!;
}

/** A paid order cancelled by an admin token: the shop owes its buyer US$6,450. */
export async function refundDueOrder(
  app: FastifyInstance,
  db: Db,
  adminToken: string,
  staff: BrowserClient,
  buyer: BrowserClient,
) {
  const order = await paidOrder(app, db, { sales: staff, finance: staff }, buyer);
  const cancelled = await api(app, adminToken, 'POST', `/api/v1/orders/${order.number}/cancel`, {
    reason: 'Out of stock for months',
  });
  if (cancelled.statusCode !== 200) throw new Error(`not cancelled: ${cancelled.body}`);
  return order.number;
}

export const refundBody = (amountCents = 100_000) => ({
  amountCents,
  reference: `RF-${++n}`,
  refundedOn: today(),
  toAccount: 'ES91 2100 0418 4502 0005 1332',
  proofBase64: png(Math.random()).toString('base64'),
});
