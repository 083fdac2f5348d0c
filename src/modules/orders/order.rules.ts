/** Pure order rules: money, eligibility, deadlines. Integer US cents throughout. */
import { type DayRange, deliveryWithin, leadTimes, orderShipWithin, type ShippingMethod } from '../shipping/index.js';
import type { OrderState } from './order.machine.js';

/**
 * The back office's order queues, in tab order: one per state staff act on, then the orders
 * breaking a promise. The repo counts them, the page draws their tabs, the route accepts only these.
 */
export const orderQueueStates = [
  'awaiting_quote',
  'payment_review',
  'ready_to_ship',
  'shipped',
] as const satisfies readonly OrderState[];
export const orderQueues = [...orderQueueStates, 'overdue'] as const;
export type OrderQueue = (typeof orderQueues)[number];
export const isOrderQueue = (q: string): q is OrderQueue => (orderQueues as readonly string[]).includes(q);

/** Goods over US$50,000 in one order unlock sea/land freight and L/C, T/T, D/P (DESIGN §4). */
export const LARGE_ORDER_CENTS = 5_000_000;
export const isLargeOrder = (goodsCents: number) => goodsCents > LARGE_ORDER_CENTS;

export const shippingMethods = [
  'air_express',
  'air_freight',
  'sea_freight',
  'land_freight',
] as const satisfies readonly ShippingMethod[];
const largeOnlyMethods: readonly ShippingMethod[] = ['sea_freight', 'land_freight'];

export function shippingMethodsFor(goodsCents: number): ShippingMethod[] {
  return shippingMethods.filter((m) => isLargeOrder(goodsCents) || !largeOnlyMethods.includes(m));
}

export interface PaymentMethodLimits {
  minOrderCents: number | null;
  maxOrderCents: number | null;
  largeOrderOnly: boolean;
  active: boolean;
}

export function paymentMethodAllowed(m: PaymentMethodLimits, goodsCents: number): boolean {
  if (!m.active) return false;
  if (m.largeOrderOnly && !isLargeOrder(goodsCents)) return false;
  if (m.minOrderCents !== null && goodsCents < m.minOrderCents) return false;
  if (m.maxOrderCents !== null && goodsCents > m.maxOrderCents) return false;
  return true;
}

export interface OrderLineAmounts {
  unitPriceCents: number;
  quantity: number;
}

export const goodsTotalCents = (lines: OrderLineAmounts[]) =>
  lines.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0);

/** Total is known only once freight is quoted. */
export const orderTotalCents = (goodsCents: number, freightCents: number | null) =>
  freightCents === null ? null : goodsCents + freightCents;

export const balanceCents = (totalCents: number | null, paidCents: number) =>
  totalCents === null ? null : Math.max(0, totalCents - paidCents);

export const AUTO_COMPLETE_REMINDER_DAYS = 3;
export const QUOTE_OVERDUE_HOURS = 24;
export const PAYMENT_DEADLINE_NEAR_HOURS = 12;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const paymentDueAt = (quotedAt: Date, deadlineHours: number) =>
  new Date(quotedAt.getTime() + deadlineHours * HOUR);

/** No tracking number 4 days after payment approval: the buyer is invited to WhatsApp, staff see it overdue. */
export const trackingOverdue = (approvedAt: Date | null, hasTracking: boolean, now: Date) =>
  approvedAt !== null && !hasTracking && now.getTime() - approvedAt.getTime() > leadTimes.trackingOverdueDays * DAY;

export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);

export interface OrderWindows {
  shipBy: DayRange;
  delivery: DayRange;
}

export function orderWindows(
  lines: { backordered: boolean; needsTesting: boolean; quantity: number }[],
  method: ShippingMethod,
): OrderWindows {
  const lt = lines.map((l) => ({ inStock: !l.backordered, needsTesting: l.needsTesting, quantity: l.quantity }));
  return { shipBy: orderShipWithin(lt), delivery: deliveryWithin(lt, method) };
}

/** WhatsApp click-to-chat with the order number prefilled. */
export const whatsappLink = (number: string, text: string) =>
  `https://wa.me/${number.replace(/\D/g, '')}?text=${encodeURIComponent(text)}`;
