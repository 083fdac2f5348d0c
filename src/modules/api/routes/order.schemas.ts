import { z } from 'zod';
import { moneyCaps } from '../../../platform/money.js';
import { orderEvents, orderStates } from '../../orders/index.js';
import { proofStatuses } from '../../payments/index.js';

const at = z.iso.datetime({ offset: true }).describe('ISO 8601 time (UTC)');
const cents = z.int().min(0).describe('US cents');
const priceCents = z.int().min(0).max(moneyCaps.price.cents).describe('US cents, at most US$1,000,000.00');

export const orderNumberParams = z.strictObject({
  number: z
    .string()
    .regex(/^[A-Z0-9-]{1,40}$/)
    .describe('The order number, e.g. HC-2026-000123'),
});
export const proofParams = orderNumberParams.extend({ proofId: z.coerce.number().int().positive().max(2_147_483_647) });

export const orderSummary = z
  .object({
    number: z.string(),
    status: z.enum(orderStates),
    fullName: z.string(),
    email: z.string(),
    country: z.string(),
    shippingMethod: z.string(),
    goodsCents: cents,
    totalCents: cents.nullable(),
    createdAt: at,
  })
  .meta({ id: 'OrderSummary' });

export const orderPage = z
  .object({
    items: z.array(orderSummary),
    next: z.string().optional().describe('Pass as `after` for older orders'),
    previous: z.string().optional().describe('Pass as `before` for newer orders'),
  })
  .meta({ id: 'OrderPage' });

export const orderDetail = z
  .object({
    number: z.string(),
    status: z.enum(orderStates),
    createdAt: at,
    shipTo: z.object({
      fullName: z.string(),
      phone: z.string(),
      email: z.string(),
      country: z.string(),
      city: z.string(),
      address: z.string(),
      postalCode: z.string(),
    }),
    shippingMethod: z.string(),
    paymentMethodId: z.int(),
    goodsCents: cents,
    freightCents: cents.nullable(),
    totalCents: cents.nullable(),
    paidCents: cents,
    balanceCents: cents.nullable().describe('What is left to pay once the total is known'),
    quoteValidUntil: at.nullable(),
    paymentDueAt: at.nullable(),
    lines: z.array(
      z.object({
        id: z.int(),
        sku: z.string(),
        name: z.string(),
        quantity: z.int(),
        listPriceCents: cents,
        unitPriceCents: cents,
      }),
    ),
    parcels: z.array(z.object({ carrier: z.string(), trackingNumber: z.string(), createdAt: at })),
    proofs: z.array(
      z.object({
        id: z.int(),
        status: z.enum(proofStatuses),
        amountCents: cents,
        reference: z.string(),
        paidOn: z.string(),
        duplicateOfOrder: z
          .string()
          .nullable()
          .describe('Staff only: another order already used a file with the same SHA-256'),
        createdAt: at,
      }),
    ),
    packingGaps: z
      .array(z.string())
      .describe(
        'Staff, once paid: what the packing evidence still lacks before the order may ship (empty when complete)',
      ),
    timeline: z.array(
      z.object({
        event: z.string(),
        fromStatus: z.string().nullable(),
        toStatus: z.string(),
        actorRole: z.string(),
        via: z.string().nullable().describe('"token <name>" when done with an API token'),
        note: z.string().nullable(),
        at,
      }),
    ),
    nextActions: z.array(z.enum(orderEvents)).describe('The events the caller may fire now, from the order machine'),
  })
  .meta({ id: 'Order' });

export const setFreightBody = z
  .strictObject({
    freightCents: priceCents,
    validDays: z.int().min(1).max(60).default(7).describe('How long the quote holds'),
    note: z.string().trim().max(1000).default(''),
    linePrices: z
      .array(z.strictObject({ lineId: z.int().positive(), unitPriceCents: priceCents }))
      .max(500)
      .default([])
      .describe('New unit prices for some lines (optional)'),
  })
  .meta({ id: 'SetFreight' });

export const reasonBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
export const optionalReasonBody = z.strictObject({ reason: z.string().trim().max(1000).default('') });
export const messageBody = z.strictObject({
  body: z.string().trim().min(1).max(4000),
  internal: z.boolean().default(false).describe('Staff only: a note the buyer never sees'),
});
export const messageCreated = z.object({ orderNumber: z.string(), internal: z.boolean() });
