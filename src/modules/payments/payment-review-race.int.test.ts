import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { placeOrder, png, today, uploadProof } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { orders, paymentProofs } from '../../platform/db/schema.js';

// Two staff deciding two proofs of one order at the same moment needs real concurrent
// connections: PGlite has one, so the race cannot happen there.
describe.skipIf(!process.env.DATABASE_URL)('two proofs of one order decided at once', () => {
  let t: TestApp;
  let sales: BrowserClient;
  let reviewers: BrowserClient[];
  beforeAll(async () => {
    t = await createTestApp();
    sales = (await loggedInClient(t.app, t.db, 'sales')).client;
    reviewers = [
      (await loggedInClient(t.app, t.db, 'finance')).client,
      (await loggedInClient(t.app, t.db, 'finance')).client,
    ];
    for (const c of [sales, ...reviewers]) await c.get('/admin');
  });
  afterAll(() => t.close());

  /** An order quoted at US$6,450 with pending part-payment proofs of US$1,000 each. */
  async function orderWithProofs(refs = ['PART-1', 'PART-2'], amount = '1000.00') {
    const buyer = (await loggedInClient(t.app, t.db)).client;
    const { number } = await placeOrder(buyer, t.db);
    await sales.get(`/admin/orders/${number}`);
    await sales.post(`/admin/orders/${number}/freight`, { freight: '450.00', validDays: '7', note: '' });
    await buyer.get(`/orders/${number}`);
    for (const ref of refs) {
      const up = await uploadProof(
        t.app,
        buyer,
        number,
        { amount, reference: ref, paidOn: today() },
        { name: `${ref}.png`, type: 'image/png', data: png(Math.random()) },
      );
      expect(up.statusCode).toBe(303);
    }
    const [order] = await t.db.select().from(orders).where(eq(orders.number, number));
    const proofs = await t.db.select().from(paymentProofs).where(eq(paymentProofs.orderId, order!.id));
    expect(order!.status).toBe('payment_review');
    return { number, orderId: order!.id, proofIds: proofs.map((p) => p.id), buyer };
  }

  const decisions = [
    ['approve', 'approve'],
    ['reject', 'reject'],
    ['approve', 'reject'],
  ] as const;

  for (const [first, second] of decisions) {
    it(`${first} + ${second}: the order always leaves review once no proof is pending`, async () => {
      const stuck: string[] = [];
      for (let trial = 0; trial < 8; trial++) {
        const { number, orderId, proofIds } = await orderWithProofs();
        const results = await Promise.all(
          [first, second].map((decision, i) =>
            reviewers[i]!.post(
              `/admin/orders/${number}/proofs/${proofIds[i]}/${decision}`,
              decision === 'reject' ? { reason: 'Amount not received' } : {},
            ),
          ),
        );
        expect(results.map((r) => r.statusCode)).toEqual([303, 303]);
        const [order] = await t.db.select().from(orders).where(eq(orders.id, orderId));
        const pending = await t.db
          .select()
          .from(paymentProofs)
          .where(and(eq(paymentProofs.orderId, orderId), eq(paymentProofs.status, 'pending')));
        expect(pending).toHaveLength(0);
        const approved = [first, second].filter((d) => d === 'approve').length;
        expect(order!.paidCents).toBe(approved * 100_000);
        if (order!.status !== 'awaiting_payment') stuck.push(`${number}: ${order!.status}`);
      }
      expect(stuck).toEqual([]);
    });
  }

  it('two full payments approved at once: one counts, the other is not needed, none stays pending', async () => {
    for (let trial = 0; trial < 6; trial++) {
      const { number, orderId, proofIds } = await orderWithProofs(['FULL-1', 'FULL-2'], '6450.00');
      const results = await Promise.all(
        proofIds.map((id, i) => reviewers[i]!.post(`/admin/orders/${number}/proofs/${id}/approve`)),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([303, 409]);
      const [order] = await t.db.select().from(orders).where(eq(orders.id, orderId));
      expect(order).toMatchObject({ status: 'ready_to_ship', paidCents: 645_000 });
      const proofs = await t.db.select().from(paymentProofs).where(eq(paymentProofs.orderId, orderId));
      expect(proofs.map((p) => p.status).sort()).toEqual(['approved', 'superseded']);
    }
  });

  it('a proof uploaded while the only pending one is rejected keeps the order in review', async () => {
    const wrong: string[] = [];
    for (let trial = 0; trial < 8; trial++) {
      const { number, orderId, proofIds, buyer } = await orderWithProofs(['ONLY']);
      const [rejected, uploaded] = await Promise.all([
        reviewers[0]!.post(`/admin/orders/${number}/proofs/${proofIds[0]}/reject`, { reason: 'Wrong amount' }),
        uploadProof(
          t.app,
          buyer,
          number,
          { amount: '1000.00', reference: 'LATE', paidOn: today() },
          { name: 'late.png', type: 'image/png', data: png(Math.random()) },
        ),
      ]);
      expect([rejected.statusCode, uploaded.statusCode]).toEqual([303, 303]);
      const [order] = await t.db.select().from(orders).where(eq(orders.id, orderId));
      const pending = await t.db
        .select()
        .from(paymentProofs)
        .where(and(eq(paymentProofs.orderId, orderId), eq(paymentProofs.status, 'pending')));
      expect(pending).toHaveLength(1);
      if (order!.status !== 'payment_review') wrong.push(`${number}: ${order!.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
