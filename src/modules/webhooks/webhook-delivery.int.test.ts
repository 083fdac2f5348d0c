import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { addEndpoint, type Received, startReceiver } from '../../../test/webhooks.js';
import {
  outboxMessages,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
  webhookMessages,
} from '../../platform/db/schema.js';
import { outcome } from '../../platform/effects.js';
import { deliverDueWebhooks } from './actions/deliver-webhooks.js';
import { MAX_ATTEMPTS, retryDelaysMs } from './webhook.rules.js';
import { verifyWebhook } from './webhook.signing.js';
import { emitWebhookEvents } from './webhook-emit.js';

let t: TestApp;
let admin: BrowserClient;
let buyer: BrowserClient;
let sales: BrowserClient;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await loggedInClient(t.app, t.db, 'admin')).client;
  buyer = (await loggedInClient(t.app, t.db)).client;
  sales = (await loggedInClient(t.app, t.db, 'sales')).client;
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close().catch(() => {});
  await t.close();
});

/** The sweeper at a moment of the test's choosing: the retry schedule without waiting for it. */
const sweep = (at: Date) => deliverDueWebhooks(t.db, { allowPrivate: true, now: at, timeoutMs: 2000 });
const later = (at: Date, ms: number) => new Date(at.getTime() + ms);
const verified = (secret: string, r: Received, at: Date) =>
  verifyWebhook(
    secret,
    {
      id: r.headers['webhook-id']!,
      timestamp: r.headers['webhook-timestamp']!,
      signature: r.headers['webhook-signature']!,
    },
    r.body,
    at,
  );

describe('webhook delivery to a receiver on loopback', () => {
  it('signs, retries on the schedule while the receiver is down, turns the endpoint off, tells admins, redelivers', async () => {
    const { secret } = await addEndpoint(t.app, admin, receiver.url, ['order.created', 'order.state_changed']);
    const [endpoint] = await t.db.select().from(webhookEndpoints);
    const { number } = await placeOrder(buyer, t.db);
    let at = later(new Date(), 1000);

    expect(await sweep(at)).toEqual({ delivered: 1, failed: 0 });
    const [first] = receiver.received;
    expect(verified(secret!, first!, at)).toBe(true);
    expect(verified(`whsec_${Buffer.alloc(32).toString('base64')}`, first!, at)).toBe(false);
    expect(JSON.parse(first!.body)).toMatchObject({
      type: 'order.created',
      data: { number, status: 'awaiting_quote' },
    });
    expect(first!.headers['content-type']).toBe('application/json');
    // Delivered once: the next sweep has nothing to do.
    expect(await sweep(at)).toEqual({ delivered: 0, failed: 0 });

    // A 500 is a failure to retry, like a refused connection.
    receiver.status = 500;
    expect((await sales.post(`/admin/orders/${number}/freight`, { freight: '25000', validDays: '7' })).statusCode).toBe(
      303,
    );
    expect(await sweep(at)).toEqual({ delivered: 0, failed: 1 });
    receiver.status = 204;
    await receiver.close();
    // Not due again before its wait is over.
    expect(await sweep(later(at, retryDelaysMs[0] - 1))).toEqual({ delivered: 0, failed: 0 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      at = later(at, retryDelaysMs[attempt - 2]!);
      expect(await sweep(at)).toEqual({ delivered: 0, failed: 1 });
    }
    const [failed] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.state, 'failed'));
    expect(failed).toMatchObject({ attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    const log = await t.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, failed!.id));
    expect(log).toHaveLength(MAX_ATTEMPTS);
    expect(log[0]).toMatchObject({ statusCode: 500 });
    expect(log.slice(1).every((a) => a.statusCode === null && /ECONNREFUSED/.test(a.error ?? ''))).toBe(true);
    // Spent after more than a day of failures: the endpoint is off, admins are told by mail and on the page.
    expect(await sweep(later(at, 86_400_000))).toEqual({ delivered: 0, failed: 0 });
    const [off] = await t.db.select().from(webhookEndpoints);
    expect(off).toMatchObject({ enabled: false, disabledReason: 'failing' });
    const mail = await t.db.select().from(outboxMessages);
    expect(mail.filter((m) => m.subject.includes(receiver.url))).toHaveLength(1);
    const page = await admin.get('/admin/webhooks');
    expect(page.body).toContain('accepted no delivery for 24 hours');
    const log2 = await admin.get(`/admin/webhooks/${endpoint!.id}`);
    expect(log2.body).toContain('HTTP 500');
    expect(log2.body).toContain('ECONNREFUSED');

    // Back up: turned on again and redelivered from the log, with the same webhook-id.
    await receiver.reopen();
    expect((await admin.post(`/admin/webhooks/${endpoint!.id}/enable`)).statusCode).toBe(303);
    expect((await admin.post(`/admin/webhooks/${endpoint!.id}/deliveries/${failed!.id}/redeliver`)).statusCode).toBe(
      303,
    );
    at = new Date();
    expect(await sweep(at)).toEqual({ delivered: 1, failed: 0 });
    const redelivered = receiver.received.at(-1)!;
    expect(redelivered.headers['webhook-id']).toBe(failed!.messageId);
    expect(verified(secret!, redelivered, at)).toBe(true);
    expect(JSON.parse(redelivered.body)).toMatchObject({
      type: 'order.state_changed',
      data: { number, from: 'awaiting_quote', to: 'awaiting_payment' },
    });
    const [done] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, failed!.id));
    expect(done!.state).toBe('delivered');
    // Another endpoint's delivery, or an unknown one, is not found from this endpoint's page.
    expect((await admin.post(`/admin/webhooks/${endpoint!.id}/deliveries/999999/redeliver`)).statusCode).toBe(404);
    expect((await sales.post(`/admin/webhooks/${endpoint!.id}/deliveries/${failed!.id}/redeliver`)).statusCode).toBe(
      403,
    );
  });

  it('two sweepers at once post each delivery once (real concurrency on PostgreSQL)', async () => {
    const before = receiver.received.length;
    const events = Array.from({ length: 30 }, (_, i) => ({
      type: 'order.created' as const,
      data: { number: `HC-TEST-${i}`, status: 'awaiting_quote', goodsCents: 100 },
    }));
    await t.actions.transaction(async (tx) => {
      await emitWebhookEvents(tx, events);
      return outcome(undefined);
    });
    const at = new Date();
    for (;;) {
      const [a, b] = await Promise.all([
        deliverDueWebhooks(t.db, { allowPrivate: true, now: at, batch: 7 }),
        deliverDueWebhooks(t.db, { allowPrivate: true, now: at, batch: 7 }),
      ]);
      if (a.delivered + b.delivered + a.failed + b.failed === 0) break;
    }
    const ids = receiver.received.slice(before).map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    const messages = await t.db.select({ id: webhookMessages.id }).from(webhookMessages);
    expect(messages.length).toBeGreaterThanOrEqual(30);
  });
});
