import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { placeOrder, png, today, uploadProof } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { auditLog } from '../../platform/audit/index.js';
import { orders, paymentProofs } from '../../platform/db/schema.js';
import { htmlText } from '../invoices/pdf-text.test-helper.js';

let t: TestApp;
let sales: BrowserClient;
let finance: BrowserClient;
beforeAll(async () => {
  t = await createTestApp();
  sales = (await loggedInClient(t.app, t.db, 'sales')).client;
  finance = (await loggedInClient(t.app, t.db, 'finance')).client;
  for (const c of [sales, finance]) await c.get('/admin');
});
afterAll(() => t.close());

/** An order quoted at US$6,450 with a full-payment proof and a second one still pending. */
async function twoProofs() {
  const buyer = (await loggedInClient(t.app, t.db)).client;
  const { number } = await placeOrder(buyer, t.db);
  await sales.get(`/admin/orders/${number}`);
  await sales.post(`/admin/orders/${number}/freight`, { freight: '450.00', validDays: '7', note: '' });
  await buyer.get(`/orders/${number}`);
  for (const [ref, amount] of [
    ['FULL', '6450.00'],
    ['SECOND', '1000.00'],
  ] as const) {
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
  const id = (ref: string) => proofs.find((p) => p.reference === ref)!.id;
  return { number, orderId: order!.id, full: id('FULL'), second: id('SECOND'), buyer };
}

describe('a proof still pending when another pays the order in full', () => {
  it('is marked not needed in the same decision, audited, and can no longer be approved', async () => {
    const o = await twoProofs();
    const res = await finance.post(`/admin/orders/${o.number}/proofs/${o.full}/approve`);
    expect(res.statusCode).toBe(303);
    const [order] = await t.db.select().from(orders).where(eq(orders.id, o.orderId));
    expect(order).toMatchObject({ status: 'ready_to_ship', paidCents: 645_000 });
    const [second] = await t.db.select().from(paymentProofs).where(eq(paymentProofs.id, o.second));
    expect(second).toMatchObject({ status: 'superseded', rejectReason: null });
    expect(second!.reviewedAt).not.toBeNull();
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'payment-proof'), eq(auditLog.subjectId, String(o.second))));
    expect(audit).toMatchObject([{ action: 'payment.review', after: { status: 'superseded' } }]);

    const late = await finance.post(`/admin/orders/${o.number}/proofs/${o.second}/approve`);
    expect(late.statusCode).toBe(409);
    const [after] = await t.db.select().from(orders).where(eq(orders.id, o.orderId));
    expect(after!.paidCents).toBe(645_000);
    const pending = await t.db
      .select()
      .from(paymentProofs)
      .where(and(eq(paymentProofs.orderId, o.orderId), eq(paymentProofs.status, 'pending')));
    expect(pending).toEqual([]);
  });

  it('shows as "Not needed" to staff and buyer, in Spanish too', async () => {
    const o = await twoProofs();
    await finance.post(`/admin/orders/${o.number}/proofs/${o.full}/approve`);
    expect(htmlText((await finance.get(`/admin/orders/${o.number}`)).body)).toContain('Not needed');
    expect(htmlText((await o.buyer.get(`/orders/${o.number}`, { 'accept-language': 'es' })).body)).toContain(
      'No necesario',
    );
  });

  it('a part payment leaves the other pending proofs for finance to decide', async () => {
    const o = await twoProofs();
    await finance.post(`/admin/orders/${o.number}/proofs/${o.second}/approve`);
    const [full] = await t.db.select().from(paymentProofs).where(eq(paymentProofs.id, o.full));
    expect(full!.status).toBe('pending');
  });
});
