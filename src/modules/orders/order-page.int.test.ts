import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedInClient } from '../../../test/browser-client.js';
import { placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { jsonRow, jsonRows } from '../../platform/db/json-rows.js';
import { paymentMethods } from '../../platform/db/schema.js';
import { orderEvents, orderLines, orderMessages, orders } from './order.tables.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('order pages in few statements (#7)', () => {
  it('reads lists as JSON exactly as a plain select would (types, dates, nulls, order)', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    const { number, methodId } = await placeOrder(client, t.db);
    const [order] = await t.db.select().from(orders).where(eq(orders.number, number));
    await client.post(`/orders/${number}/messages`, { body: 'First' });
    await client.post(`/orders/${number}/messages`, { body: 'Second' });
    const [viaJson] = await t.db
      .select({
        lines: jsonRows(orderLines, eq(orderLines.orderId, order!.id)),
        events: jsonRows(orderEvents, eq(orderEvents.orderId, order!.id)),
        messages: jsonRows(orderMessages, eq(orderMessages.orderId, order!.id)),
        method: jsonRow(paymentMethods, eq(paymentMethods.id, methodId)),
      })
      .from(orders)
      .where(eq(orders.id, order!.id));
    const plain = {
      lines: await t.db.select().from(orderLines).where(eq(orderLines.orderId, order!.id)).orderBy(asc(orderLines.id)),
      events: await t.db
        .select()
        .from(orderEvents)
        .where(eq(orderEvents.orderId, order!.id))
        .orderBy(asc(orderEvents.id)),
      messages: await t.db
        .select()
        .from(orderMessages)
        .where(eq(orderMessages.orderId, order!.id))
        .orderBy(asc(orderMessages.id)),
      method: (await t.db.select().from(paymentMethods).where(eq(paymentMethods.id, methodId)))[0],
    };
    expect(viaJson).toEqual(plain);
    expect(viaJson!.messages.map((m) => m.body)).toEqual(['First', 'Second']);
    expect(viaJson!.events[0]!.createdAt).toBeInstanceOf(Date);
    expect(viaJson!.events[0]!.note).toBeNull();
  });

  it('serves the order page in a bounded number of statements', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(client, t.db);
    await client.get(`/orders/${number}`); // settings cache warm
    const before = t.database.queries.count;
    const page = await client.get(`/orders/${number}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Calculating shipping cost');
    // The session is cached: the order and everything hanging off it come in one statement (#18).
    expect(t.database.queries.count - before).toBe(1);
  });

  it('serves the staff queue in a bounded number of statements, with its counts', async () => {
    const { client } = await loggedInClient(t.app, t.db, 'sales');
    await client.get('/admin/orders?queue=awaiting_quote'); // settings cache warm
    const before = t.database.queries.count;
    const page = await client.get('/admin/orders?queue=awaiting_quote');
    expect(page.statusCode).toBe(200);
    const statements = t.database.queries.count - before;
    const result = await t.db.execute(sql`select count(*)::int as n from orders where status = 'awaiting_quote'`);
    const { n } = (result as unknown as { rows: { n: number }[] }).rows[0]!;
    expect(page.body).toContain(`<span class="count">${n}</span>`);
    // The session is cached: the five capped counts and the rows come in one statement (#18).
    expect(statements).toBe(1);
  });

  it("lists a queue's rows through JSON exactly as a plain select would (order, types)", async () => {
    const { client } = await loggedInClient(t.app, t.db);
    for (let i = 0; i < 3; i++) await placeOrder(client, t.db);
    const { queuePage } = await import('./order.repo.js');
    const { rows } = await queuePage(t.db, 'awaiting_quote', new Date(), 1000);
    const plain = await t.db
      .select({
        id: orders.id,
        number: orders.number,
        status: orders.status,
        fullName: orders.fullName,
        country: orders.country,
        goodsCents: orders.goodsCents,
        updatedAt: orders.updatedAt,
      })
      .from(orders)
      .where(eq(orders.status, 'awaiting_quote'))
      .orderBy(asc(orders.updatedAt), asc(orders.id));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows).toEqual(plain);
    expect(rows[0]!.updatedAt).toBeInstanceOf(Date);
  });
});
