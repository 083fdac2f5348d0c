import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { insertBulkOrders, orderNumbersIn, relLink } from '../../../test/bulk-orders.js';
import { insertPaymentMethod } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { orders } from '../../platform/db/schema.js';

const COUNT = 50_000;
let t: TestApp;
let staff: BrowserClient;
let methods: [number, number];
beforeAll(async () => {
  t = await createTestApp();
  const buyer = await loggedInClient(t.app, t.db);
  methods = [(await insertPaymentMethod(t.db)).id, (await insertPaymentMethod(t.db, { name: 'USDT' })).id];
  await insertBulkOrders(t.db, buyer.user!.id, methods, COUNT);
  await t.db.execute(sql`analyze orders`);
  staff = (await loggedInClient(t.app, t.db, 'sales')).client;
}, 120_000);
afterAll(() => t.close());

const rowsOf = async (numbers: string[]) => t.db.select().from(orders).where(inArray(orders.number, numbers));

/** Follows "Older orders" from `start` to the end; every page must answer quickly. */
async function walk(start: string) {
  const seen: string[] = [];
  let url: string | undefined = start;
  let slowest = 0;
  let pages = 0;
  while (url) {
    const began = performance.now();
    const res = await staff.get(url);
    slowest = Math.max(slowest, performance.now() - began);
    expect(res.statusCode).toBe(200);
    seen.push(...orderNumbersIn(res.body));
    url = relLink(res.body, 'next');
    pages++;
  }
  return { seen, slowest, pages };
}

describe('all orders, keyset-paged', () => {
  it('walks 50,000 orders, 50 a page, newest first, without a repeat or a gap', async () => {
    const { seen, slowest, pages } = await walk('/admin/orders/all');
    expect(pages).toBe(COUNT / 50);
    expect(seen).toHaveLength(COUNT);
    expect(new Set(seen).size).toBe(COUNT);
    // Orders 1–2, then 3–5, … share a created_at: newest first, then the higher id first.
    expect(seen.slice(0, 5)).toEqual([
      'HC-2025-000002',
      'HC-2025-000001',
      'HC-2025-000005',
      'HC-2025-000004',
      'HC-2025-000003',
    ]);
    expect(seen.at(-1)).toBe('HC-2025-049998');
    expect(slowest).toBeLessThan(1500);
  }, 600_000);

  it('goes back with "Newer orders" to exactly the pages it came from', async () => {
    const first = await staff.get('/admin/orders/all');
    const second = await staff.get(relLink(first.body, 'next')!);
    const third = await staff.get(relLink(second.body, 'next')!);
    const back = await staff.get(relLink(third.body, 'prev')!);
    expect(orderNumbersIn(back.body)).toEqual(orderNumbersIn(second.body));
    const backAgain = await staff.get(relLink(back.body, 'prev')!);
    expect(orderNumbersIn(backAgain.body)).toEqual(orderNumbersIn(first.body));
    expect(relLink(backAgain.body, 'prev')).toBeUndefined();
    expect(relLink(first.body, 'prev')).toBeUndefined();
    expect(first.body).toContain('All orders');
  });

  it('each filter narrows the list to matching orders only', async () => {
    const checks: [string, (o: typeof orders.$inferSelect) => boolean][] = [
      ['state=cancelled', (o) => o.status === 'cancelled'],
      [`payment=${methods[1]}`, (o) => o.paymentMethodId === methods[1]],
      ['shipping=sea_freight', (o) => o.shippingMethod === 'sea_freight'],
      ['country=KZ', (o) => o.country === 'KZ'],
      [
        'from=2025-05-30&to=2025-05-31',
        (o) => o.createdAt >= new Date('2025-05-30') && o.createdAt < new Date('2025-06-01'),
      ],
      ['overdue=1', (o) => o.status === 'awaiting_quote'],
    ];
    for (const [query, holds] of checks) {
      const res = await staff.get(`/admin/orders/all?${query}`);
      expect(res.statusCode, query).toBe(200);
      const numbers = orderNumbersIn(res.body);
      expect(numbers.length, query).toBeGreaterThan(0);
      for (const o of await rowsOf(numbers)) expect(holds(o), `${query} ${o.number}`).toBe(true);
    }
  });

  it('pages through combined filters to exactly the matching orders, keeping the filters in every link', async () => {
    const { seen } = await walk('/admin/orders/all?state=cancelled&country=KZ&shipping=air_freight');
    const expected = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .where(sql`status = 'cancelled' and country = 'KZ' and shipping_method = 'air_freight'`);
    expect(seen.length).toBe(expected[0]!.n);
    expect(seen.length).toBeGreaterThan(50);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('answers 400 with a message for an unknown filter value, never a different list', async () => {
    for (const query of [
      'state=lost',
      'payment=999999',
      'payment=abc',
      'shipping=rocket',
      'country=XX',
      'from=2025-13-40',
      'to=yesterday',
      'overdue=yes',
      'after=garbage',
      'colour=red',
    ]) {
      const res = await staff.get(`/admin/orders/all?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.body, query).toContain('Nothing is listed until the filter marked above is corrected.');
      expect(orderNumbersIn(res.body), query).toEqual([]);
    }
    const unknownKey = await staff.get('/admin/orders/all?colour=red');
    expect(unknownKey.body).toContain('The address has a filter this list does not have.');
  });

  it('keeps the queues as saved filters with their counts beside the list', async () => {
    const res = await staff.get('/admin/orders/all');
    expect(res.body).toContain('href="/admin/orders?queue=awaiting_quote"');
    expect(res.body).toMatch(/Awaiting quote <span class="count">1,000\+<\/span>/);
    const queue = await staff.get('/admin/orders?queue=shipped');
    expect(queue.body).toContain('href="/admin/orders/all"');
  });

  it('is staff only', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    expect((await client.get('/admin/orders/all')).statusCode).toBe(403);
  });
});
