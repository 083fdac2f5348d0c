import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, rememberTotpSecret } from '../../test/browser-client.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { caseStates } from '../modules/after-sales/index.js';
import { orderQueueCounts, orderStates } from '../modules/orders/index.js';
import { countRefundsDue } from '../modules/refunds/index.js';
import { countAwaitingReview } from '../modules/repair-centers/index.js';
import {
  afterSalesCases,
  orderEvents,
  orders,
  packingFiles,
  packingParcels,
  packingUnits,
  paymentProofs,
  shipments,
} from '../platform/db/schema.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo-accounts.js';
import { demoRepairCenters } from './demo-repair-centers.js';
import { seedDemo } from './seed-demo.js';

describe('demo seed', () => {
  let t: TestApp;
  let seconds = 0;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('fills an empty database once: catalog, accounts and approved repair centers on the public page', async () => {
    const started = performance.now();
    expect(await seedDemo(t.db, t.app.services.storage)).toBe(true);
    seconds = (performance.now() - started) / 1000;
    expect(await seedDemo(t.db, t.app.services.storage)).toBe(false);
    const directory = await t.app.inject({ url: '/asic-miner-repair' });
    expect(directory.statusCode).toBe(200);
    for (const center of demoRepairCenters) expect(directory.body).toContain(center.name);
    const owner = new BrowserClient(t.app);
    await owner.login('repairs@demo.hashcart.test', DEMO_PASSWORD);
    const own = await owner.get('/repair-centers');
    for (const center of demoRepairCenters) expect(own.body).toContain(center.name);
    expect(own.body).toContain('Almaty ASIC Lab');
  });

  it('seeds orders in every state over two months, with proofs, packing evidence, cases and a refund due', async () => {
    // A fresh start stays quick (it runs on every first `npm start`).
    expect(seconds).toBeLessThan(30);
    const byState = await t.db
      .select({ status: orders.status, n: sql<number>`count(*)::int` })
      .from(orders)
      .groupBy(orders.status);
    const states = new Map(byState.map((r) => [r.status, r.n]));
    for (const s of orderStates) expect(states.get(s), s).toBeGreaterThan(0);
    const [span] = await t.db
      .select({ days: sql<number>`extract(day from max(${orders.createdAt}) - min(${orders.createdAt}))::int` })
      .from(orders);
    expect(span!.days).toBeGreaterThanOrEqual(45);

    // Every queue and broken promise has something in it.
    const queues = await orderQueueCounts(t.db, new Date());
    for (const q of ['awaiting_quote', 'payment_review', 'ready_to_ship', 'shipped', 'overdue'] as const)
      expect(queues[q], q).toBeGreaterThan(0);
    const [pending] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(paymentProofs)
      .innerJoin(orders, eq(orders.id, paymentProofs.orderId))
      .where(sql`${paymentProofs.status} = 'pending' and ${orders.status} = 'payment_review'`);
    expect(pending!.n).toBeGreaterThan(0);
    const [partly] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .where(sql`${orders.status} = 'awaiting_payment' and ${orders.paidCents} > 0`);
    expect(partly!.n).toBeGreaterThan(0);

    // Each shipped order carries its evidence and tracking; its files are on disk.
    const shipped = await t.db.select().from(orders).where(eq(orders.status, 'shipped'));
    for (const o of shipped) {
      const [parcels, files, tracking] = await Promise.all([
        t.db.select().from(packingParcels).where(eq(packingParcels.orderId, o.id)),
        t.db.select().from(packingFiles).where(eq(packingFiles.orderId, o.id)),
        t.db.select().from(shipments).where(eq(shipments.orderId, o.id)),
      ]);
      expect(parcels.length).toBeGreaterThan(0);
      expect(parcels.every((p) => p.sealNumbers.length > 0)).toBe(true);
      expect(files.length).toBe(parcels.length);
      for (const f of files) expect(existsSync(join(t.storageDir, f.fileKey))).toBe(true);
      expect(tracking).toHaveLength(1);
    }
    const [units] = await t.db
      .select({ n: sql<number>`count(*)::int`, burnIn: sql<number>`count(${packingUnits.burnInPassed})::int` })
      .from(packingUnits);
    expect(units!.n).toBeGreaterThan(0);
    expect(units!.burnIn).toBeGreaterThan(0);

    // Each timeline starts with the submission and ends in the order's state.
    const ends = await t.db.execute<{ wrong: number }>(sql`
      select count(*)::int as wrong from ${orders} o
       where (select e.to_status from ${orderEvents} e where e.order_id = o.id order by e.created_at desc, e.id desc limit 1) <> o.status
          or (select e.event from ${orderEvents} e where e.order_id = o.id order by e.created_at, e.id limit 1) <> 'submitOrder'`);
    expect(Number((ends as unknown as { rows: { wrong: number }[] }).rows[0]!.wrong)).toBe(0);

    const caseRows = await t.db.select({ status: afterSalesCases.status }).from(afterSalesCases);
    expect(new Set(caseRows.map((c) => c.status))).toEqual(new Set(caseStates));
    expect(await countAwaitingReview(t.db, 100)).toBe(1);
    expect(await countRefundsDue(t.db)).toBe(1);
  });

  it('gives the dashboard figures to show', async () => {
    rememberTotpSecret('admin@demo.hashcart.test', DEMO_TOTP_SECRET);
    const admin = new BrowserClient(t.app);
    await admin.login('admin@demo.hashcart.test', DEMO_PASSWORD);
    const page = await admin.get('/admin?period=90');
    expect(page.statusCode).toBe(200);
    const orderTotal = /orders submitted per day over the last 90 days, ([\d,]+) in all/.exec(page.body);
    expect(Number(orderTotal?.[1]?.replace(/,/g, ''))).toBeGreaterThan(50);
    expect(page.body).not.toContain('over the last 90 days, $0.00 in all');
    expect(page.body).not.toContain('No orders in this period.');
  });

  it('renders the pages the demo points at: staff and buyer order pages, cases, refunds', async () => {
    rememberTotpSecret('admin@demo.hashcart.test', DEMO_TOTP_SECRET);
    const admin = new BrowserClient(t.app);
    await admin.login('admin@demo.hashcart.test', DEMO_PASSWORD);
    const [shipped] = await t.db.select().from(orders).where(eq(orders.status, 'shipped')).limit(1);
    const staffPage = await admin.get(`/admin/orders/${shipped!.number}`);
    expect(staffPage.statusCode).toBe(200);
    expect(staffPage.body).toContain(`SL-${shipped!.id}-1A`);
    for (const url of [
      '/admin/after-sales',
      '/admin/refunds',
      '/admin/repair-centers',
      '/admin/orders?queue=overdue',
    ]) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(200);
    }
    const [aCase] = await t.db.select().from(afterSalesCases).limit(1);
    expect((await admin.get(`/admin/after-sales/${aCase!.number}`)).statusCode).toBe(200);
    const buyer = new BrowserClient(t.app);
    await buyer.login('customer@demo.hashcart.test', DEMO_PASSWORD);
    const mine = await buyer.get('/orders');
    expect(mine.statusCode).toBe(200);
    const [own] = await t.db
      .select()
      .from(orders)
      .where(sql`${orders.customerId} = (select id from users where email = 'customer@demo.hashcart.test')`)
      .orderBy(orders.id)
      .limit(1);
    expect(mine.body).toContain(own!.number);
    expect((await buyer.get(`/orders/${own!.number}`)).statusCode).toBe(200);
  });
});
