import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createApiToken, sessionApi } from '../../../test/api.js';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { apiTokens, auditLog, orderMessages, orders } from '../../platform/db/schema.js';
import { completedOrder, submitCaseForm } from '../after-sales/after-sales.test-helpers.js';
import { hashApiToken, TOKEN_REQUESTS_PER_MINUTE } from './token.rules.js';

let t: TestApp;
let admin: BrowserClient;
let buyer: BrowserClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await loggedInClient(t.app, t.db, 'admin')).client;
  buyer = (await loggedInClient(t.app, t.db)).client;
});
afterAll(() => t.close());

const tokenRow = async (name: string) => (await t.db.select().from(apiTokens).where(eq(apiTokens.name, name)))[0]!;
const freight = (token: string | undefined, number: string, headers: Record<string, string> = {}) =>
  api(t.app, token, 'POST', `/api/v1/orders/${number}/freight`, { freightCents: 30_000 }, headers);

describe('staff API tokens', () => {
  it('is shown once, stored only as its hash, listed without the secret, and acts as "via token <name>"', async () => {
    const { token, page, name } = await createApiToken(t.app, admin, ['sales'], 'ERP sync');
    expect(page).toContain(token);
    const row = await tokenRow(name);
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.roles).toEqual(['sales']);
    const list = await admin.get('/admin/api-tokens');
    expect(list.body).toContain('ERP sync');
    expect(list.body).not.toContain(token);

    const { number } = await placeOrder(buyer, t.db);
    const res = await freight(token, number);
    expect(res.statusCode).toBe(200);
    expect(res.json().timeline.at(-1)).toMatchObject({
      event: 'setFreight',
      via: 'token ERP sync',
      actorRole: 'sales',
    });
    expect((await tokenRow(name)).lastUsedAt).not.toBeNull();
    // Staff see how it was done; the buyer's page does not name the token.
    const staffPage = await admin.get(`/admin/orders/${number}`);
    expect(staffPage.body).toContain('via API token “ERP sync”');
    expect((await buyer.get(`/orders/${number}`)).body).not.toContain('ERP sync');
    // The audit log says who made the token and that the change came through it.
    const audit = await t.db.select().from(auditLog).orderBy(auditLog.id);
    expect(audit.find((r) => r.action === 'api-token.create' && r.subjectId === String(row.id))).toBeDefined();
    expect(audit.find((r) => r.action === 'order.transition' && r.subjectId === number)).toMatchObject({
      via: 'token ERP sync',
    });
  });

  it('a case step made with a token is on the case timeline "via token <name>" for staff, not for the buyer', async () => {
    const { token } = await createApiToken(t.app, admin, ['support'], 'Helpdesk bridge');
    const o = await completedOrder(t, { buyer });
    const number = String((await submitCaseForm(t, o)).headers.location).replace('/after-sales/', '');
    const res = await api(t.app, token, 'POST', `/api/v1/cases/${number}/events/startReview`, { note: '' });
    expect(res.statusCode).toBe(200);
    expect(res.json().timeline.at(-1)).toMatchObject({ event: 'startReview', via: 'token Helpdesk bridge' });
    expect((await admin.get(`/admin/after-sales/${number}`)).body).toContain('via API token “Helpdesk bridge”');
    expect((await buyer.get(`/after-sales/${number}`)).body).not.toContain('Helpdesk bridge');
    const own = await sessionApi(t.app, buyer, 'GET', `/api/v1/cases/${number}`);
    expect(own.json().timeline.map((e: { via: string | null }) => e.via)).toEqual([null, null]);
  });

  it('refuses with 401 problems a missing, malformed, unknown, revoked or expired token', async () => {
    const { token, name } = await createApiToken(t.app, admin, ['sales']);
    const unauthorized = async (res: Awaited<ReturnType<typeof api>>) => {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    };
    await unauthorized(await api(t.app, undefined, 'GET', '/api/v1/orders'));
    await unauthorized(await api(t.app, 'nonsense', 'GET', '/api/v1/orders'));
    await unauthorized(await api(t.app, `hc_${'A'.repeat(43)}`, 'GET', '/api/v1/orders'));
    expect((await api(t.app, token, 'GET', '/api/v1/orders')).statusCode).toBe(200);

    await t.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.name, name));
    await unauthorized(await api(t.app, token, 'GET', '/api/v1/orders'));

    const second = await createApiToken(t.app, admin, ['sales']);
    const id = (await tokenRow(second.name)).id;
    expect((await admin.post(`/admin/api-tokens/${id}/revoke`)).statusCode).toBe(303);
    expect((await tokenRow(second.name)).revokedAt).not.toBeNull();
    await unauthorized(await api(t.app, second.token, 'GET', '/api/v1/orders'));
  });

  it('never does more than its roles allow: 403 problems, nothing changed', async () => {
    const { token } = await createApiToken(t.app, admin, ['warehouse', 'finance']);
    const { number } = await placeOrder(buyer, t.db);
    const res = await freight(token, number);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    const cancel = await api(t.app, token, 'POST', `/api/v1/orders/${number}/cancel`, { reason: 'no' });
    expect(cancel.statusCode).toBe(403);
    const [order] = await t.db.select().from(orders).where(eq(orders.number, number));
    expect(order!.status).toBe('awaiting_quote');
    // Reading is open to every staff role; nextActions are those of its roles only.
    const read = await api(t.app, token, 'GET', `/api/v1/orders/${number}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().nextActions).toEqual([]);
  });

  it('stops a token whose maker is no longer an active admin', async () => {
    const maker = await loggedInClient(t.app, t.db, 'admin');
    const { token } = await createApiToken(t.app, maker.client, ['sales']);
    expect((await api(t.app, token, 'GET', '/api/v1/orders')).statusCode).toBe(200);
    const { users } = await import('../../platform/db/schema.js');
    await t.db.update(users).set({ active: false }).where(eq(users.id, maker.user.id));
    expect((await api(t.app, token, 'GET', '/api/v1/orders')).statusCode).toBe(401);
  });

  it('is rate-limited per token, with Retry-After', async () => {
    const { token, name } = await createApiToken(t.app, admin, ['support']);
    await t.db
      .update(apiTokens)
      .set({ windowHits: TOKEN_REQUESTS_PER_MINUTE, windowStart: new Date() })
      .where(eq(apiTokens.name, name));
    const res = await api(t.app, token, 'GET', '/api/v1/orders');
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // Another token is not held back.
    const other = await createApiToken(t.app, admin, ['support']);
    expect((await api(t.app, other.token, 'GET', '/api/v1/orders')).statusCode).toBe(200);
  });

  it('is managed by admins only, with CSRF, and the roles must be staff roles', async () => {
    const sales = (await loggedInClient(t.app, t.db, 'sales')).client;
    expect((await sales.get('/admin/api-tokens')).statusCode).toBe(403);
    expect((await sales.post('/admin/api-tokens', { name: 'x', roles: 'sales', days: '30' })).statusCode).toBe(403);
    expect(
      (await admin.post('/admin/api-tokens', { name: 'x', roles: 'sales', days: '30', _csrf: 'forged' })).statusCode,
    ).toBe(403);
    const customerRole = await admin.post('/admin/api-tokens', { name: 'x', roles: 'customer', days: '30' });
    expect(customerRole.statusCode).toBe(422);
    const none = await admin.post('/admin/api-tokens', { name: 'x', days: '30' });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Choose at least one role');
  });
});

describe('bodies the JSON parser refuses', () => {
  it('a "__proto__" key or broken JSON is a 400 problem that names the body', async () => {
    const { token } = await createApiToken(t.app, admin, ['sales'], 'Parser probe');
    const { number } = await placeOrder(buyer, t.db);
    const poisoned = JSON.parse('{"freightCents":30000,"x":{"__proto__":false}}');
    const broken = t.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${number}/freight`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{"freightCents":',
    });
    for (const res of [await api(t.app, token, 'POST', `/api/v1/orders/${number}/freight`, poisoned), await broken]) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 400, code: 'BAD_REQUEST', errors: [{ in: 'body', field: '_' }] });
    }
    const [order] = await t.db.select().from(orders).where(eq(orders.number, number));
    expect(order!.status).toBe('awaiting_quote');
  });
});

describe('Idempotency-Key', () => {
  it('replays the stored answer for the same key and body, and refuses another body with a 422 problem', async () => {
    const { token } = await createApiToken(t.app, admin, ['sales']);
    const { number } = await placeOrder(buyer, t.db);
    const post = (body: unknown, key = 'msg-1') =>
      api(t.app, token, 'POST', `/api/v1/orders/${number}/messages`, body, { 'idempotency-key': key });
    const first = await post({ body: 'Quote coming today', internal: true });
    expect(first.statusCode).toBe(201);
    const again = await post({ internal: true, body: 'Quote coming today' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const [order] = await t.db.select().from(orders).where(eq(orders.number, number));
    const messages = await t.db.select().from(orderMessages).where(eq(orderMessages.orderId, order!.id));
    expect(messages).toHaveLength(1);

    const other = await post({ body: 'Something else' });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    // Keys are per caller: another token may use the same key.
    const second = await createApiToken(t.app, admin, ['sales']);
    const theirs = await api(
      t.app,
      second.token,
      'POST',
      `/api/v1/orders/${number}/messages`,
      { body: 'Hi' },
      { 'idempotency-key': 'msg-1' },
    );
    expect(theirs.statusCode).toBe(201);
  });

  it('two requests with one key at once do the work once', async () => {
    const { token } = await createApiToken(t.app, admin, ['sales']);
    const { number } = await placeOrder(buyer, t.db);
    const post = () =>
      api(t.app, token, 'POST', `/api/v1/orders/${number}/messages`, { body: 'Once' }, { 'idempotency-key': 'race-1' });
    const answers = await Promise.all([post(), post(), post()]);
    for (const a of answers) expect([201, 409]).toContain(a.statusCode);
    expect(answers.some((a) => a.statusCode === 201)).toBe(true);
    const [order] = await t.db.select().from(orders).where(eq(orders.number, number));
    expect(await t.db.select().from(orderMessages).where(eq(orderMessages.orderId, order!.id))).toHaveLength(1);
  });

  it('a retried transition gives the first answer back instead of a conflict; a refusal is replayed too', async () => {
    const { token } = await createApiToken(t.app, admin, ['sales']);
    const { number } = await placeOrder(buyer, t.db);
    const first = await freight(token, number, { 'idempotency-key': 'quote-1' });
    const retry = await freight(token, number, { 'idempotency-key': 'quote-1' });
    expect([first.statusCode, retry.statusCode]).toEqual([200, 200]);
    expect(retry.json()).toEqual(first.json());
    const fresh = await freight(token, number, { 'idempotency-key': 'quote-2' });
    expect(fresh.statusCode).toBe(409);
    const replayed = await freight(token, number, { 'idempotency-key': 'quote-2' });
    expect(replayed.statusCode).toBe(409);
    expect(replayed.headers['content-type']).toContain('application/problem+json');
    expect(replayed.json()).toEqual(fresh.json());
  });
});

describe('browser sessions on the API', () => {
  it('a buyer reaches only their own orders (404 otherwise) and lists only their own', async () => {
    const { number } = await placeOrder(buyer, t.db);
    const other = (await loggedInClient(t.app, t.db)).client;
    expect((await buyer.get(`/api/v1/orders/${number}`)).statusCode).toBe(200);
    const theirs = await other.get(`/api/v1/orders/${number}`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json()).toMatchObject({ code: 'NOT_FOUND' });
    const mine = (await buyer.get('/api/v1/orders')).json();
    expect(mine.items.map((o: { number: string }) => o.number)).toContain(number);
    expect((await other.get('/api/v1/orders')).json().items).toEqual([]);
    expect((await other.get(`/api/v1/orders/${number}/proofs/1/file`)).statusCode).toBe(404);
    expect((await buyer.get(`/api/v1/orders/${number}`)).json().nextActions).toEqual(['cancelByCustomer']);
    // A buyer cannot fire staff transitions.
    const staffOnly = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${number}/freight`,
      headers: { cookie: buyer.cookieHeader, 'content-type': 'application/json', 'x-csrf-token': buyer.csrf },
      payload: JSON.stringify({ freightCents: 1 }),
    });
    expect(staffOnly.statusCode).toBe(403);
  });

  it('a session cookie alone never changes anything: it needs the CSRF header or Sec-Fetch-Site: same-origin', async () => {
    const cancel = async (number: string, headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/orders/${number}/cancel`,
        headers: { cookie: buyer.cookieHeader, 'content-type': 'application/json', ...headers },
        payload: JSON.stringify({ reason: '' }),
      });
    const { number } = await placeOrder(buyer, t.db);
    await buyer.get(`/orders/${number}`);
    const refusedHeaders: Record<string, string>[] = [
      {},
      { 'sec-fetch-site': 'cross-site' },
      { 'x-csrf-token': 'forged' },
      { origin: 'https://evil.example' },
    ];
    for (const headers of refusedHeaders) {
      const res = await cancel(number, headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json()).toMatchObject({ code: 'CSRF' });
    }
    // A form post from another site is not even parsed.
    const form = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${number}/cancel`,
      headers: {
        cookie: buyer.cookieHeader,
        'content-type': 'application/x-www-form-urlencoded',
        'x-csrf-token': buyer.csrf,
      },
      payload: 'reason=',
    });
    expect(form.statusCode).toBe(415);
    const [still] = await t.db.select().from(orders).where(eq(orders.number, number));
    expect(still!.status).toBe('awaiting_quote');

    expect((await cancel(number, { 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    const second = (await placeOrder(buyer, t.db)).number;
    await buyer.get(`/orders/${second}`);
    const withHeader = await cancel(second, { 'x-csrf-token': buyer.csrf });
    expect(withHeader.statusCode).toBe(200);
    expect(withHeader.json().status).toBe('cancelled');
  });

  it('token requests need no CSRF token, even with a cookie beside them, and act as the token, not the session', async () => {
    const { token } = await createApiToken(t.app, admin, ['sales']);
    const { number } = await placeOrder(buyer, t.db);
    const res = await freight(token, number, { cookie: buyer.cookieHeader, 'sec-fetch-site': 'cross-site' });
    expect(res.statusCode).toBe(200);
    expect(res.json().timeline.at(-1).via).toMatch(/^token /);
  });
});
