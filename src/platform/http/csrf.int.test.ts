import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { multipart, placeOrder, png } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const cookie = (client: BrowserClient, name: string) => new RegExp(`${name}=([^;]+)`).exec(client.cookieHeader)?.[1];

describe('CSRF token bound to the session', () => {
  it('refuses a token planted from another browser (cookie and token both from the attacker)', async () => {
    // On plain http a neighbour can set cookies for the shop: the attacker plants their own
    // CSRF cookie in the victim's browser and posts with the token that goes with it.
    const attacker = new BrowserClient(t.app);
    await attacker.get('/login');
    const { client: victim } = await loggedInClient(t.app, t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/logout',
      remoteAddress: victim.ip,
      cookies: { hc_sid: cookie(victim, 'hc_sid')!, hc_csrf: cookie(attacker, 'hc_csrf')! },
      payload: new URLSearchParams({ _csrf: attacker.csrf }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(403);
    expect((await victim.get('/cart')).statusCode).toBe(200);
  });

  it('a token from before login stops working once logged in; the page after login carries a new one', async () => {
    const b = new BrowserClient(t.app);
    await b.get('/login');
    const visitorToken = b.csrf;
    const { email } = await loggedInClient(t.app, t.db);
    await b.login(email, 'correct horse battery staple');
    expect(b.csrf).not.toBe(visitorToken);
    expect((await b.post('/cart/items', { productId: 1, quantity: 1, _csrf: visitorToken })).statusCode).toBe(403);
    expect((await b.post('/logout')).statusCode).toBe(303);
  });
});

describe('cross-site requests', () => {
  it('refuses Sec-Fetch-Site cross-site and same-site, and an Origin other than the shop', async () => {
    const b = new BrowserClient(t.app);
    await b.get('/login');
    const login = { email: 'nobody@example.com', password: 'whatever123' };
    expect((await b.post('/login', login, { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await b.post('/login', login, { 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
    expect((await b.post('/login', login, { origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await b.post('/login', login, { origin: 'null' })).statusCode).toBe(403);
    // The shop's own pages: same origin (inject's Host is localhost:80).
    expect(
      (await b.post('/login', login, { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80' })).statusCode,
    ).toBe(422);
    expect((await b.post('/login', login, { origin: 'http://localhost:3000' })).statusCode).toBe(422);
    // Chromium's own form post when a page's referrer policy hides the origin.
    expect((await b.post('/login', login, { 'sec-fetch-site': 'same-origin', origin: 'null' })).statusCode).toBe(422);
  });

  it('sends the referrer only to the shop itself, so its own form posts carry their Origin', async () => {
    const page = await new BrowserClient(t.app).get('/login');
    expect(page.headers['referrer-policy']).toBe('same-origin');
  });
});

describe('upload forms (multipart)', () => {
  it('carry the token in the body, never in the URL', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(client, t.db);
    const sales = (await loggedInClient(t.app, t.db, 'sales')).client;
    await sales.get(`/admin/orders/${number}`);
    await sales.post(`/admin/orders/${number}/freight`, { freight: '450.00', validDays: '7', note: '' });
    const page = await client.get(`/orders/${number}`);
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).not.toMatch(/action="[^"]*_csrf=/);

    const send = (url: string, fields: Record<string, string>) => {
      const body = multipart(fields, { field: 'proof', name: 'proof.png', type: 'image/png', data: png(1) });
      return t.app.inject({
        method: 'POST',
        url,
        payload: body.payload,
        remoteAddress: client.ip,
        headers: { 'content-type': body.contentType, cookie: client.cookieHeader },
      });
    };
    const proof = { amount: '6450.00', reference: 'WIRE-1', paidOn: new Date().toISOString().slice(0, 10) };
    const inQuery = await send(`/orders/${number}/proofs?_csrf=${encodeURIComponent(client.csrf)}`, proof);
    expect(inQuery.statusCode).toBe(403);
    const without = await send(`/orders/${number}/proofs`, proof);
    expect(without.statusCode).toBe(403);
    const forged = await send(`/orders/${number}/proofs`, { _csrf: 'forged', ...proof });
    expect(forged.statusCode).toBe(403);
    const inBody = await send(`/orders/${number}/proofs`, { _csrf: client.csrf, ...proof });
    expect(inBody.statusCode).toBe(303);
  });
});
