import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { paidOrder, postRefund } from '../../../test/refunds.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { refundPayments, refunds } from '../../platform/db/schema.js';

// Two people of finance recording refunds of one order at once needs real concurrent
// connections: PGlite has one, so the race cannot happen there.
describe.skipIf(!process.env.DATABASE_URL)('refunds recorded at the same moment', () => {
  let t: TestApp;
  let staff: { sales: BrowserClient; finance: BrowserClient };
  let admin: BrowserClient;
  let recorders: BrowserClient[];
  beforeAll(async () => {
    t = await createTestApp();
    staff = {
      sales: (await loggedInClient(t.app, t.db, 'sales')).client,
      finance: (await loggedInClient(t.app, t.db, 'finance')).client,
    };
    admin = (await loggedInClient(t.app, t.db, 'admin')).client;
    recorders = [];
    for (let i = 0; i < 4; i++) recorders.push((await loggedInClient(t.app, t.db, 'finance')).client);
    for (const c of [staff.sales, staff.finance, admin, ...recorders]) await c.get('/admin');
  });
  afterAll(() => t.close());

  it('never record more than is due, whatever the interleaving', async () => {
    const over: string[] = [];
    for (let trial = 0; trial < 6; trial++) {
      const buyer = (await loggedInClient(t.app, t.db)).client;
      const order = await paidOrder(t.app, t.db, staff, buyer);
      await admin.get(`/admin/orders/${order.number}`);
      await admin.post(`/admin/orders/${order.number}/cancel`, { reason: 'Factory delay' });
      for (const c of recorders) await c.get(`/admin/orders/${order.number}`);
      // Four parts of US$2,000 against US$6,450 owed: at most three fit.
      const results = await Promise.all(
        recorders.map((c, i) => postRefund(t.app, c, order.number, { amount: '2000.00', reference: `RACE-${i}` })),
      );
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes).toEqual([303, 303, 303, 422]);
      const [refund] = await t.db.select().from(refunds).where(eq(refunds.orderId, order.id));
      const parts = await t.db.select().from(refundPayments).where(eq(refundPayments.refundId, refund!.id));
      const recorded = parts.reduce((n, p) => n + p.amountCents, 0);
      if (recorded > refund!.amountCents || recorded !== refund!.refundedCents)
        over.push(`${order.number}: ${recorded} of ${refund!.amountCents}`);
      expect(new Set(parts.map((p) => p.creditNoteNumber)).size).toBe(parts.length);
    }
    expect(over).toEqual([]);
  });
});
