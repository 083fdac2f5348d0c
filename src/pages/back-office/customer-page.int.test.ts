import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { insertBulkOrders, orderNumbersIn, relLink } from '../../../test/bulk-orders.js';
import { insertPaymentMethod } from '../../../test/factories.js';
import { placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let staff: BrowserClient;
let buyer: Awaited<ReturnType<typeof loggedInClient>>;
let number: string;
beforeAll(async () => {
  t = await createTestApp();
  buyer = await loggedInClient(t.app, t.db);
  number = (await placeOrder(buyer.client, t.db)).number;
  const m = (await insertPaymentMethod(t.db)).id;
  await insertBulkOrders(t.db, buyer.user!.id, [m, m], 45);
  staff = (await loggedInClient(t.app, t.db, 'support')).client;
});
afterAll(() => t.close());

const pagePath = () => `/admin/customers/${buyer.user!.id}`;

describe('the staff customer page', () => {
  it('shows contact, the saved address and the orders, 20 a page', async () => {
    const res = await staff.get(pagePath());
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(buyer.email);
    expect(res.body).toContain('Calle Mayor 1');
    const first = orderNumbersIn(res.body);
    expect(first).toHaveLength(20);
    expect(first[0]).toBe(number);
    const seen = [...first];
    let next = relLink(res.body, 'next');
    while (next) {
      const page = await staff.get(next);
      seen.push(...orderNumbersIn(page.body));
      next = relLink(page.body, 'next');
    }
    expect(new Set(seen).size).toBe(46);
  });

  it('is linked from the staff order page and the all-orders list', async () => {
    expect((await staff.get(`/admin/orders/${number}`)).body).toContain(`href="${pagePath()}"`);
    expect((await staff.get('/admin/orders/all')).body).toContain(`href="${pagePath()}"`);
  });

  it('keeps notes and tags that only staff see', async () => {
    expect(
      (await staff.post(`${pagePath()}/notes`, { body: 'Prefers USDT; asks for sea freight quotes' })).statusCode,
    ).toBe(303);
    expect((await staff.post(`${pagePath()}/tags`, { tag: '  reseller  ' })).statusCode).toBe(303);
    expect((await staff.post(`${pagePath()}/tags`, { tag: 'reseller' })).statusCode).toBe(303);
    const page = await staff.get(pagePath());
    expect(page.body).toContain('Prefers USDT; asks for sea freight quotes');
    expect(page.body.match(/<span class="badge">reseller<\/span>/g)).toHaveLength(1);
    for (const path of ['/orders', `/orders/${number}`, '/']) {
      const own = await buyer.client.get(path);
      expect(own.body, path).not.toContain('Prefers USDT');
      expect(own.body, path).not.toContain('reseller');
    }
    await staff.post(`${pagePath()}/tags/remove`, { tag: 'reseller' });
    expect((await staff.get(pagePath())).body).not.toContain('<span class="badge">reseller</span>');
  });

  it('refuses an empty note with a message, keeping the page', async () => {
    const res = await staff.post(`${pagePath()}/notes`, { body: '   ' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('aria-invalid="true"');
  });

  it('refuses customers, and answers 404 for a staff account or an unknown id', async () => {
    expect((await buyer.client.get(pagePath())).statusCode).toBe(403);
    expect((await buyer.client.post(`${pagePath()}/notes`, { body: 'mine' })).statusCode).toBe(403);
    const { user: other } = await loggedInClient(t.app, t.db, 'sales');
    expect((await staff.get(`/admin/customers/${other!.id}`)).statusCode).toBe(404);
    expect((await staff.get('/admin/customers/999999')).statusCode).toBe(404);
    expect((await staff.get('/admin/customers/abc')).statusCode).toBe(404);
    expect((await staff.get(`${pagePath()}?after=nope`)).statusCode).toBe(400);
  });
});
