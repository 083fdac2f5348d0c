import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedInClient } from '../../../test/browser-client.js';
import { insertPaymentMethod, insertProduct } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { registerUser } from '../../modules/accounts/index.js';
import { afterSalesCases, caseEvents, orderLines, orders, paymentProofs } from '../../platform/db/schema.js';
import { businessFigures, periodDays } from './business.data.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date();
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const later = (d: Date, ms: number) => new Date(d.getTime() + ms);

let t: TestApp;
let seq = 0;

interface Known {
  createdAgo: number;
  status: typeof orders.$inferInsert.status;
  country: string;
  quotedAfter?: number;
  approvedAgo?: number;
  shippedAfter?: number;
  closedAfter?: number;
  line: { productId: number; quantity: number; unitPriceCents: number };
  proof?: { amountCents: number; uploadedBefore: number };
}

/** Writes an order with known timestamps directly (the actions that set them have their own tests). */
async function knownOrder(customerId: number, methodId: number, k: Known) {
  const createdAt = ago(k.createdAgo);
  const approvedAt = k.approvedAgo === undefined ? null : ago(k.approvedAgo);
  const goods = k.line.quantity * k.line.unitPriceCents;
  const [o] = await t.db
    .insert(orders)
    .values({
      number: `HC-2026-9${String(++seq).padStart(5, '0')}`,
      customerId,
      status: k.status,
      shippingMethod: 'air_express',
      paymentMethodId: methodId,
      fullName: 'Known Buyer',
      phone: '+34 600 000 000',
      email: 'known@example.test',
      country: k.country,
      city: 'Madrid',
      address: 'Calle Mayor 1',
      postalCode: '28013',
      goodsCents: goods,
      freightCents: k.quotedAfter === undefined ? null : 0,
      totalCents: k.quotedAfter === undefined ? null : goods,
      quotedAt: k.quotedAfter === undefined ? null : later(createdAt, k.quotedAfter),
      approvedAt,
      shippedAt: approvedAt && k.shippedAfter !== undefined ? later(approvedAt, k.shippedAfter) : null,
      closedAt: k.closedAfter === undefined ? null : later(createdAt, k.closedAfter),
      createdAt,
      updatedAt: createdAt,
    })
    .returning();
  await t.db.insert(orderLines).values({
    orderId: o!.id,
    ...k.line,
    sku: `SKU-${k.line.productId}`,
    name: `Known product ${k.line.productId}`,
    hsCode: '8471.50',
    listPriceCents: k.line.unitPriceCents,
    weightGrams: 1000,
    needsTesting: false,
    backordered: false,
  });
  if (k.proof && approvedAt) {
    await t.db.insert(paymentProofs).values({
      orderId: o!.id,
      uploadedBy: customerId,
      fileKey: `payments/known${seq}.png`,
      mimeType: 'image/png',
      sizeBytes: 10,
      sha256: `sha-${seq}`,
      amountCents: k.proof.amountCents,
      reference: `REF-${seq}`,
      paidOn: '2026-01-01',
      status: 'approved',
      reviewedAt: approvedAt,
      createdAt: ago((k.approvedAgo ?? 0) + k.proof.uploadedBefore),
    });
  }
  return o!;
}

beforeAll(async () => {
  t = await createTestApp();
  const buyer = await registerUser(t.db, {
    email: `known.${process.pid}@example.test`,
    fullName: 'Known Buyer',
    password: 'known buyer password 1',
    role: 'customer',
  });
  const method = await insertPaymentMethod(t.db);
  const [p1, p2] = [await insertProduct(t.db), await insertProduct(t.db)];
  const P1 = (quantity: number) => ({ productId: p1!.id, quantity, unitPriceCents: 50_000 });
  const P2 = (quantity: number) => ({ productId: p2!.id, quantity, unitPriceCents: 200_000 });
  const known = (k: Known) => knownOrder(buyer.id, method.id, k);
  // A: quoted in 6 h (kept), paid 9 days ago (proof approved 4 h after upload), shipped 2 days later (kept).
  const a = await known({
    createdAgo: 10 * DAY,
    status: 'completed',
    country: 'ES',
    quotedAfter: 6 * HOUR,
    approvedAgo: 9 * DAY,
    shippedAfter: 2 * DAY,
    closedAfter: 9 * DAY,
    line: P1(2),
    proof: { amountCents: 105_000, uploadedBefore: 4 * HOUR },
  });
  // B: quoted after 30 h (broken), paid 3 days ago (2 h review), not shipped yet (tracking not yet due).
  await known({
    createdAgo: 5 * DAY,
    status: 'ready_to_ship',
    country: 'US',
    quotedAfter: 30 * HOUR,
    approvedAgo: 3 * DAY,
    line: P2(1),
    proof: { amountCents: 210_000, uploadedBefore: 2 * HOUR },
  });
  // C: submitted 3 h ago, its quote not yet due.
  await known({ createdAgo: 3 * HOUR, status: 'awaiting_quote', country: 'ES', line: P1(1) });
  // E: waiting for its quote for 6 days: a broken promise.
  await known({ createdAgo: 6 * DAY, status: 'awaiting_quote', country: 'ES', line: P2(1) });
  // F: cancelled 2 h after submission, never quoted: no promise fell due; not in the tops.
  await known({ createdAgo: 8 * DAY, status: 'cancelled', country: 'KZ', closedAfter: 2 * HOUR, line: P2(5) });
  // D: 40 days ago (only in the 90-day period): quoted in 2 h, paid, shipped 6 days later (broken).
  await known({
    createdAgo: 40 * DAY,
    status: 'completed',
    country: 'DE',
    quotedAfter: 2 * HOUR,
    approvedAgo: 39 * DAY,
    shippedAfter: 6 * DAY,
    closedAfter: 39 * DAY,
    line: P2(3),
    proof: { amountCents: 600_000, uploadedBefore: 10 * HOUR },
  });
  // A case on A decided in time but its reissue shipped late, and one opened an hour ago (not due).
  const opened = ago(5 * DAY);
  const decided = later(opened, 12 * HOUR);
  const [c1] = await t.db
    .insert(afterSalesCases)
    .values({
      number: 'AS-2026-900001',
      orderId: a.id,
      customerId: buyer.id,
      type: 'wrong_item',
      status: 'reissue_shipped',
      description: 'Wrong PSU in the box.',
      standardResolution: 'reissue',
      resolution: 'reissue',
      decisionDueAt: later(opened, DAY),
      reissueDueAt: later(decided, 2 * DAY),
      createdAt: opened,
      updatedAt: opened,
    })
    .returning();
  await t.db.insert(caseEvents).values([
    { caseId: c1!.id, event: 'submitCase', toStatus: 'submitted', actorRole: 'customer', createdAt: opened },
    {
      caseId: c1!.id,
      event: 'decideReissue',
      fromStatus: 'submitted',
      toStatus: 'awaiting_reissue',
      actorRole: 'support',
      createdAt: decided,
    },
    {
      caseId: c1!.id,
      event: 'shipReissue',
      fromStatus: 'awaiting_reissue',
      toStatus: 'reissue_shipped',
      actorRole: 'warehouse',
      createdAt: later(decided, 3 * DAY),
    },
  ]);
  await t.db.insert(afterSalesCases).values({
    number: 'AS-2026-900002',
    orderId: a.id,
    customerId: buyer.id,
    type: 'defective',
    description: 'Fan noise.',
    standardResolution: 'repair',
    decisionDueAt: later(ago(HOUR), 2 * DAY),
    createdAt: ago(HOUR),
    updatedAt: ago(HOUR),
  });
});
afterAll(() => t.close());

describe('business figures', () => {
  it('counts orders per day, money approved, average times, promises kept and the tops over 30 days', async () => {
    const f = await businessFigures(t.db, 30, NOW);
    expect(f.perDay).toHaveLength(30);
    expect(f.perDay.at(-1)!.day).toBe(NOW.toISOString().slice(0, 10));
    expect(f.totals).toEqual({ orders: 5, approvedCents: 315_000 });
    const on = (d: Date) => f.perDay.find((x) => x.day === d.toISOString().slice(0, 10))!;
    expect(on(ago(9 * DAY)).approvedCents).toBe(105_000);
    expect(on(ago(5 * DAY)).orders).toBe(1);
    expect(f.avgHours.quote).toBeCloseTo(18);
    expect(f.avgHours.approve).toBeCloseTo(3);
    expect(f.avgHours.ship).toBeCloseTo(48);
    expect(f.promises).toEqual({
      quote: { due: 3, kept: 1 },
      tracking: { due: 1, kept: 1 },
      afterSales: { due: 2, kept: 1 },
    });
    expect(f.topProducts.map((p) => p.units)).toEqual([3, 2]);
    expect(f.topProducts[0]!.goodsCents).toBe(150_000);
    expect(f.topCountries.map((c) => [c.country, c.orders])).toEqual([
      ['ES', 3],
      ['US', 1],
    ]);
  });

  it('a longer period takes in older orders and their promises; a shorter one drops them', async () => {
    const f90 = await businessFigures(t.db, 90, NOW);
    expect(f90.totals).toEqual({ orders: 6, approvedCents: 915_000 });
    expect(f90.promises.quote).toEqual({ due: 4, kept: 2 });
    expect(f90.promises.tracking).toEqual({ due: 2, kept: 1 });
    expect(f90.avgHours.ship).toBeCloseTo((48 + 144) / 2);
    const f7 = await businessFigures(t.db, 7, NOW);
    expect(f7.perDay).toHaveLength(7);
    expect(f7.totals).toEqual({ orders: 3, approvedCents: 210_000 });
    expect(f7.promises.quote).toEqual({ due: 2, kept: 0 });
  });

  it('periods are whole UTC days ending today', () => {
    const p = periodDays(7, new Date('2026-03-10T15:00:00Z'));
    expect(p.from.toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-03-11T00:00:00.000Z');
    expect(p.days).toEqual([
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
  });
});

describe('the dashboard page', () => {
  it('draws the chart on the server with an accessible name and a data table, for the chosen period', async () => {
    const { client } = await loggedInClient(t.app, t.db, 'warehouse');
    const page = await client.get('/admin');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<option value="30" selected>');
    expect(page.body).toMatch(/<svg class="biz-chart"[^>]*role="img" aria-labelledby="chart-revenue-title"/);
    expect(page.body).toContain(
      '<title id="chart-revenue-title">Bar chart of payments approved per day over the last 30 days, $3,150.00 in all.</title>',
    );
    const revenueChart = page.body.slice(
      page.body.indexOf('chart-revenue-title'),
      page.body.indexOf('chart-orders-title'),
    );
    expect(revenueChart.match(/<rect /g)).toHaveLength(30);
    expect(page.body).toContain('<summary>The figures per day</summary>');
    expect(page.body).toContain('Revenue is the money finance approved');
    expect(page.body).toMatch(/Quote within 24 hours<\/th><td>1 of 3<\/td><td>33 %<\/td>/);
    expect(page.body).toMatch(/All promises<\/th><td>3 of 6<\/td><td>50 %<\/td>/);
    expect(page.body).toContain('Spain');

    const week = await client.get('/admin?period=7');
    expect(week.statusCode).toBe(200);
    expect(week.body).toContain('<option value="7" selected>');
    const weekChart = week.body.slice(week.body.indexOf('chart-orders-title'));
    expect(weekChart.match(/<rect /g)).toHaveLength(7);
    expect(week.body).toContain('over the last 7 days, 3 in all.');
  });

  it('refuses a period it does not offer with a 400 that says so, showing the default period', async () => {
    const { client } = await loggedInClient(t.app, t.db, 'finance');
    for (const bad of ['14', 'abc', '30.0', '-7']) {
      const page = await client.get(`/admin?period=${bad}`);
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('Choose a period from the list. Showing the last 30 days.');
      expect(page.body).toContain('<option value="30" selected>');
    }
  });

  it('is for staff only: a buyer gets no figures', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    const page = await client.get('/admin?period=7');
    expect(page.statusCode).toBe(403);
    expect(page.body).not.toContain('biz-chart');
  });
});
