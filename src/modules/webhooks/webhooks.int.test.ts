import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { addEndpoint } from '../../../test/webhooks.js';
import { auditLog, orders, webhookDeliveries, webhookEndpoints, webhookMessages } from '../../platform/db/schema.js';
import { outcome } from '../../platform/effects.js';
import { findOrderByNumber } from '../orders/index.js';
import { markShipped } from '../packing/actions/mark-shipped.js';
import { emitWebhookEvent } from './webhook-emit.js';

let t: TestApp;
let admin: BrowserClient;
let buyer: BrowserClient;
let sales: BrowserClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await loggedInClient(t.app, t.db, 'admin')).client;
  buyer = (await loggedInClient(t.app, t.db)).client;
  sales = (await loggedInClient(t.app, t.db, 'sales')).client;
});
afterAll(() => t.close());

const add = async (url: string, events: readonly string[]) => (await addEndpoint(t.app, admin, url, events)).res;

const messages = () => t.db.select().from(webhookMessages).orderBy(webhookMessages.createdAt);

describe('the webhooks admin page', () => {
  it('is for admins only: staff get 403, buyers 403, visitors are sent to log in', async () => {
    for (const c of [sales, buyer]) {
      expect((await c.get('/admin/webhooks')).statusCode).toBe(403);
      expect(
        (await c.post('/admin/webhooks', { url: 'http://127.0.0.1:9/', events: 'order.created' })).statusCode,
      ).toBe(403);
      expect((await c.post('/admin/webhooks/1/disable')).statusCode).toBe(403);
    }
    expect(await t.db.select().from(webhookEndpoints)).toEqual([]);
    const anonymous = await t.app.inject({ method: 'GET', url: '/admin/webhooks' });
    expect([302, 303, 401]).toContain(anonymous.statusCode);
  });

  it('shows the secret once, lists the endpoint without it, audits the change and refuses bad input', async () => {
    const res = await add('http://127.0.0.1:9/hook', ['order.created', 'order.state_changed']);
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const [row] = await t.db.select().from(webhookEndpoints);
    expect(row).toMatchObject({ url: 'http://127.0.0.1:9/hook', events: ['order.created', 'order.state_changed'] });
    expect(res.body).toContain(row!.secret);
    expect(row!.secret).toMatch(/^whsec_/);
    const list = await admin.get('/admin/webhooks');
    expect(list.body).toContain('http://127.0.0.1:9/hook');
    expect(list.body).not.toContain(row!.secret);
    expect((await admin.get(`/admin/webhooks/${row!.id}`)).body).not.toContain(row!.secret);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'webhook.create'));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(row!.secret);

    for (const [url, events] of [
      ['ftp://example.com/', ['order.created']],
      ['https://user:pw@example.com/', ['order.created']],
      ['https://example.com/', []],
      ['https://example.com/', ['order.deleted']],
    ] as const) {
      const bad = await add(url, [...events]);
      expect(bad.statusCode).toBe(422);
    }
    expect(await t.db.select().from(webhookEndpoints)).toHaveLength(1);
    // Unknown ids are 404; the same change twice is a conflict; both switches are audited.
    expect((await admin.get('/admin/webhooks/999999')).statusCode).toBe(404);
    expect((await admin.get('/admin/webhooks/abc')).statusCode).toBe(404);
    expect((await admin.post('/admin/webhooks/999999/disable')).statusCode).toBe(404);
    expect((await admin.post(`/admin/webhooks/${row!.id}/disable`)).statusCode).toBe(303);
    expect((await admin.post(`/admin/webhooks/${row!.id}/disable`)).statusCode).toBe(409);
    expect((await admin.post(`/admin/webhooks/${row!.id}/enable`)).statusCode).toBe(303);
    const switches = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectType, 'webhook-endpoint'));
    expect(switches.map((s) => s.action)).toEqual(['webhook.create', 'webhook.disable', 'webhook.enable']);
  });

  it('refuses a form post without the CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/webhooks',
      remoteAddress: admin.ip,
      headers: { cookie: admin.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'url=http%3A%2F%2F127.0.0.1%3A9%2F&events=order.created',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('events are written in the transaction of the change', () => {
  it('a submitted order and a freight quote queue order.created and order.state_changed for subscribers', async () => {
    const before = (await messages()).length;
    const { number } = await placeOrder(buyer, t.db);
    expect((await sales.post(`/admin/orders/${number}/freight`, { freight: '25000', validDays: '7' })).statusCode).toBe(
      303,
    );
    const mine = (await messages()).slice(before);
    expect(mine.map((m) => m.type)).toEqual(['order.created', 'order.state_changed']);
    expect(mine[0]!.data).toMatchObject({ number, status: 'awaiting_quote' });
    expect(mine[1]!.data).toMatchObject({
      number,
      event: 'setFreight',
      from: 'awaiting_quote',
      to: 'awaiting_payment',
    });
    expect(mine[0]!.id).toMatch(/^msg_[0-9a-f]{32}$/);
    const queued = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.messageId, mine[1]!.id));
    expect(queued).toHaveLength(1);
    expect(queued[0]!.state).toBe('pending');
  });

  it('a rolled-back change leaves no event (refused shipment), and nobody subscribed stores nothing', async () => {
    const { number } = await placeOrder(buyer, t.db);
    await t.db.update(orders).set({ status: 'ready_to_ship' }).where(eq(orders.number, number));
    const order = (await findOrderByNumber(t.db, number))!;
    const before = (await messages()).length;
    // No packing evidence: the transition ran, then the check refused and everything rolled back.
    await expect(
      markShipped(t.actions, order, { role: 'warehouse', userId: order.customerId }, 'DHL', ['1234']),
    ).rejects.toThrow();
    await expect(
      t.actions.transaction(async (tx) => {
        await emitWebhookEvent(tx, { type: 'order.shipped', data: { number, carrier: 'DHL', trackingNumbers: [] } });
        throw new Error('rolled back');
        // biome-ignore lint/correctness/noUnreachable: the outcome a committing action would return
        return outcome(undefined);
      }),
    ).rejects.toThrow('rolled back');
    expect((await messages()).length).toBe(before);
    // order.shipped has no subscriber: emitting it commits, and stores nothing.
    await t.actions.transaction(async (tx) => {
      await emitWebhookEvent(tx, { type: 'order.shipped', data: { number, carrier: 'DHL', trackingNumbers: [] } });
      return outcome(undefined);
    });
    expect((await messages()).length).toBe(before);
  });
});
