import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { insertBulkOrders } from '../../../test/bulk-orders.js';
import { insertPaymentMethod } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { orders } from '../../platform/db/schema.js';

const COUNT = 5_000;
let t: TestApp;
let staff: BrowserClient;
let buyer: BrowserClient;
let methods: [number, number];
beforeAll(async () => {
  t = await createTestApp();
  const b = await loggedInClient(t.app, t.db);
  buyer = b.client;
  methods = [(await insertPaymentMethod(t.db)).id, (await insertPaymentMethod(t.db, { name: 'USDT' })).id];
  await insertBulkOrders(t.db, b.user!.id, methods, COUNT);
  // A buyer whose name a spreadsheet would run as a formula, with an accent and a comma.
  await t.db
    .update(orders)
    .set({ fullName: '=HYPERLINK("http://evil.example","Núñez, José")' })
    .where(eq(orders.number, 'HC-2025-000001'));
  staff = (await loggedInClient(t.app, t.db, 'warehouse')).client;
}, 120_000);
afterAll(() => t.close());

const lines = (body: string) => body.split('\r\n').filter(Boolean);

describe('orders CSV export', () => {
  it('has a BOM, a header, decimal dollars and neutralised formulas, and respects the filters', async () => {
    const res = await staff.get('/admin/orders/all.csv?state=awaiting_payment&country=US');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = lines(res.body.replace(/^\uFEFF/, ''));
    expect(header).toBe('number,status,buyer,email,country,shipping,goods_usd,total_usd,placed_at');
    // g % 7 = 1 and g % 5 = 1: g ≡ 1 (mod 35).
    expect(rows).toHaveLength(Math.floor((COUNT - 1) / 35) + 1);
    expect(rows.every((r) => r.includes(',awaiting_payment,') && r.includes(',US,'))).toBe(true);
    expect(rows[0]).toBe(
      `HC-2025-000001,awaiting_payment,"'=HYPERLINK(""http://evil.example"",""Núñez, José"")",bulk1@example.test,US,air_freight,1000.01,1050.01,${new Date(Date.parse('2025-06-01T12:00:00.123Z')).toISOString()}`,
    );
  });

  it('streams every matching order a page at a time, without the list’s 50-row pages or cursors', async () => {
    const before = t.database.queries.count;
    const res = await t.app.inject({
      method: 'GET',
      url: '/admin/orders/all.csv?after=1-1',
      headers: { cookie: staff.cookieHeader },
      payloadAsStream: true,
    });
    expect(res.statusCode).toBe(200);
    let chunks = 0;
    let text = '';
    for await (const chunk of res.stream()) {
      chunks++;
      text += String(chunk);
    }
    expect(lines(text)).toHaveLength(COUNT + 1);
    // A chunk per page of 1,000 rows (and the header), each page one statement.
    expect(chunks).toBeGreaterThanOrEqual(COUNT / 1000);
    expect(t.database.queries.count - before).toBeLessThan(COUNT / 1000 + 10);
  });

  it('refuses a bad filter (400) and anyone who may not see the list', async () => {
    expect((await staff.get('/admin/orders/all.csv?state=lost')).statusCode).toBe(400);
    expect((await staff.get('/admin/orders/all.csv?colour=red')).statusCode).toBe(400);
    expect((await staff.get('/admin/orders/all.csv?payment=999999')).statusCode).toBe(400);
    expect((await buyer.get('/admin/orders/all.csv')).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/admin/orders/all.csv' });
    expect(anonymous.statusCode).not.toBe(200);
  });

  it('the list links to the export with its current filters', async () => {
    const page = await staff.get('/admin/orders/all?state=shipped&country=DE');
    expect(page.body.replaceAll('&amp;', '&')).toContain('href="/admin/orders/all.csv?state=shipped&country=DE"');
  });
});
