import { describe, expect, it } from 'vitest';
import { orderStates, terminalStates } from './order.machine.js';
import {
  balanceCents,
  goodsTotalCents,
  isLargeOrder,
  isOrderQueue,
  orderQueueStates,
  orderQueues,
  orderTotalCents,
  orderWindows,
  paymentMethodAllowed,
  shippingMethodsFor,
  trackingOverdue,
  whatsappLink,
} from './order.rules.js';

describe('order rules', () => {
  it('unlocks sea and land freight only above US$50,000 of goods', () => {
    expect(isLargeOrder(5_000_000)).toBe(false);
    expect(isLargeOrder(5_000_001)).toBe(true);
    expect(shippingMethodsFor(4_999_999)).toEqual(['air_express', 'air_freight']);
    expect(shippingMethodsFor(6_000_000)).toEqual(['air_express', 'air_freight', 'sea_freight', 'land_freight']);
  });

  it('offers large-order-only payment methods only for large orders, within limits', () => {
    const lc = { minOrderCents: null, maxOrderCents: null, largeOrderOnly: true, active: true };
    expect(paymentMethodAllowed(lc, 1_000_000)).toBe(false);
    expect(paymentMethodAllowed(lc, 9_000_000)).toBe(true);
    const usdt = { minOrderCents: 10_000, maxOrderCents: 2_000_000, largeOrderOnly: false, active: true };
    expect(paymentMethodAllowed(usdt, 9_999)).toBe(false);
    expect(paymentMethodAllowed(usdt, 2_000_001)).toBe(false);
    expect(paymentMethodAllowed({ ...usdt, active: false }, 50_000)).toBe(false);
  });

  it('computes totals and balance in cents', () => {
    const goods = goodsTotalCents([
      { unitPriceCents: 460_000, quantity: 3 },
      { unitPriceCents: 1_999, quantity: 2 },
    ]);
    expect(goods).toBe(1_383_998);
    expect(orderTotalCents(goods, null)).toBeNull();
    expect(orderTotalCents(goods, 45_000)).toBe(1_428_998);
    expect(balanceCents(1_428_998, 1_000_000)).toBe(428_998);
    expect(balanceCents(100, 150)).toBe(0);
    expect(balanceCents(null, 0)).toBeNull();
  });

  it('gives ship-by and delivery windows from the slowest line', () => {
    const w = orderWindows([{ backordered: true, needsTesting: true, quantity: 1 }], 'air_express');
    expect(w.shipBy).toEqual({ min: 5, max: 6 });
    expect(w.delivery).toEqual({ min: 7, max: 10 });
  });

  it('flags a missing tracking number 4 days after approval', () => {
    const approved = new Date('2026-01-01T00:00:00Z');
    expect(trackingOverdue(approved, false, new Date('2026-01-04T23:00:00Z'))).toBe(false);
    expect(trackingOverdue(approved, false, new Date('2026-01-05T01:00:00Z'))).toBe(true);
    expect(trackingOverdue(approved, true, new Date('2026-02-01T00:00:00Z'))).toBe(false);
  });

  it('links WhatsApp safely', () => {
    expect(whatsappLink('+86 138-0000-0000', 'Order HC-2026-000001')).toBe(
      'https://wa.me/8613800000000?text=Order%20HC-2026-000001',
    );
  });
});

describe('order queues', () => {
  it('are the states staff act on, then overdue; anything else is no queue', () => {
    expect(orderQueues).toEqual([...orderQueueStates, 'overdue']);
    for (const s of orderQueueStates) {
      expect(orderStates).toContain(s);
      expect(terminalStates).not.toContain(s);
    }
    for (const q of orderQueues) expect(isOrderQueue(q)).toBe(true);
    for (const q of ['awaiting_payment', 'completed', 'OVERDUE', '', 'constructor'])
      expect(isOrderQueue(q)).toBe(false);
  });
});
