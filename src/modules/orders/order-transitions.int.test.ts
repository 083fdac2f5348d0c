import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPaymentMethod } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { roles } from '../../platform/auth/roles.js';
import { AppError } from '../../platform/errors.js';
import { registerUser } from '../accounts/index.js';
import { type Actor, checkTransition, orderEvents, orderStates } from './order.machine.js';
import { applyTransition, snapshotOf } from './order.repo.js';
import { orderEvents as eventRows, orders } from './order.tables.js';
import { BADGES_MAX_AGE_MS } from './queue-badges.js';

let t: TestApp;
let ownerId: number;
let methodId: number;
beforeAll(async () => {
  t = await createTestApp();
  ownerId = (await registerUser(t.db, { email: 'owner@example.test', fullName: 'Owner', password: 'owner password 1' }))
    .id;
  methodId = (await insertPaymentMethod(t.db)).id;
});
afterAll(() => t.close());

let seq = 0;
async function orderIn(status: (typeof orderStates)[number], paidCents: number) {
  const [o] = await t.db
    .insert(orders)
    .values({
      number: `T-${++seq}`,
      customerId: ownerId,
      status,
      shippingMethod: 'air_express',
      paymentMethodId: methodId,
      fullName: 'Owner',
      phone: '+1 555 0100',
      email: 'owner@example.test',
      country: 'US',
      city: 'Austin',
      address: '1 Main St',
      postalCode: '73301',
      goodsCents: 90_000,
      freightCents: 10_000,
      totalCents: 100_000,
      paidCents,
      paymentDueAt: new Date(Date.now() - 1000),
    })
    .returning();
  return o!;
}

const actors: Actor[] = [
  ...roles.map((role) => ({ role, userId: role === 'customer' ? -1 : 1 })), // -1 replaced by the owner below
  { role: 'customer', userId: 999_999 },
  { role: 'system' },
];

describe('every event × state × actor, enforced against the database', () => {
  it('applies exactly what the table allows and leaves refused orders untouched', async () => {
    let applied = 0;
    let refused = 0;
    for (const status of orderStates) {
      for (const paid of [0, 100_000]) {
        for (const event of orderEvents) {
          for (const base of actors) {
            const actor = base.userId === -1 ? { ...base, userId: ownerId } : base;
            const order = await orderIn(status, paid);
            const expected = checkTransition(snapshotOf(order), event, actor);
            let result: unknown;
            try {
              await t.db.transaction((tx) => applyTransition(tx, order, event, actor));
              result = 'ok';
            } catch (err) {
              result = err instanceof AppError ? err.code : err;
            }
            const [after] = await t.db.select().from(orders).where(eq(orders.id, order.id));
            const events = await t.db.select().from(eventRows).where(eq(eventRows.orderId, order.id));
            if (expected.ok) {
              applied++;
              expect(result).toBe('ok');
              expect(after!.status).toBe(expected.to);
              expect(events).toHaveLength(1);
            } else {
              refused++;
              expect(result).toBe(expected.reason === 'FORBIDDEN' ? 'FORBIDDEN' : 'CONFLICT');
              expect(after).toEqual(order);
              expect(events).toHaveLength(0);
            }
          }
        }
      }
    }
    expect(applied).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(500);
  }, 120_000);

  it('a stale snapshot loses: two transitions from the same state, only the first applies', async () => {
    const order = await orderIn('payment_review', 100_000);
    const finance: Actor = { role: 'finance', userId: 1 };
    const results = await Promise.allSettled([
      t.db.transaction((tx) => applyTransition(tx, order, 'approvePayment', finance)),
      t.db.transaction((tx) => applyTransition(tx, order, 'rejectPayment', finance)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe('CONFLICT');
    const events = await t.db.select().from(eventRows).where(eq(eventRows.orderId, order.id));
    expect(events).toHaveLength(1);
  });
});

describe('staff queue counts', () => {
  it('counts each broken promise once, as the overdue list shows it, and not a kept one', async () => {
    const { queueCounts, queuePage } = await import('./order.repo.js');
    const now = new Date();
    const before = (await queueCounts(t.db, now)).overdue;
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const set = async (o: Awaited<ReturnType<typeof orderIn>>, values: Partial<typeof orders.$inferInsert>) =>
      t.db.update(orders).set(values).where(eq(orders.id, o.id));
    await set(await orderIn('awaiting_quote', 0), { createdAt: days(2) }); // quote waiting > 24 h
    await set(await orderIn('awaiting_payment', 0), { paymentDueAt: new Date(now.getTime() + 3_600_000) }); // due within 12 h
    await set(await orderIn('ready_to_ship', 100_000), { approvedAt: days(5) }); // no tracking after 4 days
    await set(await orderIn('ready_to_ship', 100_000), { approvedAt: days(1) }); // still within its promise
    // Written here as another process would: the badges count them once the kept ones are old (ADR 0040).
    const later = new Date(now.getTime() + BADGES_MAX_AGE_MS);
    const counted = (await queueCounts(t.db, later)).overdue;
    expect(counted).toBe(before + 3);
    const page = await queuePage(t.db, 'overdue', later, 1000);
    expect(page.rows.length).toBe(counted);
    expect(page.counts.overdue).toBe(counted);
  });

  it('counts each queue, and stops counting past the cap', async () => {
    // Each count a kept badge's age later: the orders are written as another process would (ADR 0040).
    let clock = Date.now();
    const counts = async () => {
      const { queueCounts } = await import('./order.repo.js');
      clock += BADGES_MAX_AGE_MS;
      return queueCounts(t.db, new Date(clock));
    };
    const before = await counts();
    await orderIn('payment_review', 0);
    expect((await counts()).payment_review).toBe(before.payment_review + 1);
    const { QUEUE_COUNT_CAP } = await import('./order.repo.js');
    const base = (await orderIn('awaiting_quote', 0)) as typeof orders.$inferSelect;
    const { id: _id, number: _n, ...row } = base;
    await t.db.insert(orders).values(
      Array.from({ length: QUEUE_COUNT_CAP + 5 }, (_, i) => ({
        ...row,
        number: `CAP-${i}`,
        createdAt: new Date(Date.now() - 2 * 86_400_000),
      })),
    );
    const after = await counts();
    expect(after.awaiting_quote).toBe(QUEUE_COUNT_CAP + 1);
    expect(after.overdue).toBe(QUEUE_COUNT_CAP + 1);
  });
});
