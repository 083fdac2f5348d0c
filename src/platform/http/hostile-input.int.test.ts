import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient, TEST_PASSWORD } from '../../../test/browser-client.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { registerUser } from '../../modules/accounts/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('hostile input in URLs', () => {
  it('answers NUL and control characters in path parameters and queries with 400/404, never a 500', async () => {
    const customer = (await loggedInClient(t.app, t.db)).client;
    const admin = (await loggedInClient(t.app, t.db, 'admin')).client;
    const paths = [
      '/orders/%00',
      '/orders/HC-2025-%00',
      '/orders/%00/pi',
      '/orders/%00/live',
      '/api/v1/orders/%00',
      '/products/%00',
      '/products/a%00b/profit',
      '/categories/%00',
      '/help/%00',
      '/verify/%00',
      '/asic-miner-repair/%00',
      '/after-sales/%00',
      '/repair-centers/%00',
      '/media/products/%00.webp',
      '/repair-center-photos/%00.webp',
      '/orders/%01%1f',
      '/products/a%09b',
    ];
    const adminPaths = [
      '/admin/orders/%00',
      '/admin/products/%00',
      '/admin/after-sales/%00',
      '/admin/repair-centers/%00',
      '/admin/payment-methods/%00',
      '/admin/help/%00/en',
    ];
    // Queries are free text: any answer but a 500.
    const queries = [
      '/search?q=%00',
      '/categories/asic-miners?brand=%00&sort=%00&after=%00',
      '/api/v1/products?q=%00&after=%00',
      '/admin/orders?queue=%00',
      '/search?q=%09%0a',
    ];
    const failures: string[] = [];
    for (const url of queries) {
      const res = await admin.get(url);
      if (res.statusCode >= 500) failures.push(`GET ${url} → ${res.statusCode}`);
    }
    for (const [client, list] of [
      [customer, paths],
      [admin, adminPaths],
    ] as const) {
      for (const url of list) {
        const res = await client.get(url);
        if (res.statusCode >= 500 || res.statusCode < 400) failures.push(`GET ${url} → ${res.statusCode}`);
      }
    }
    for (const url of ['/cart/items/%00', '/orders/%00/messages', '/orders/%00/events/cancelByCustomer']) {
      const res = await customer.post(url, { quantity: 1, body: 'hello' });
      if (res.statusCode >= 500 || res.statusCode < 400) failures.push(`POST ${url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('never sends a login or language change to a "next"/"back" with control characters', async () => {
    await registerUser(t.db, { email: 'next@example.test', fullName: 'Ne Xt', password: TEST_PASSWORD });
    const hostile = ['/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '/%09/evil.example', '/\u007f/x'];
    for (const next of hostile) {
      const v = new BrowserClient(t.app);
      const page = await v.get(`/login?next=${encodeURIComponent(next)}`);
      expect(page.statusCode).toBe(200);
      expect(/name="next" value="([^"]*)"/.exec(page.body)?.[1] ?? '/').toBe('/');
      const login = await v.post('/login', { email: 'next@example.test', password: TEST_PASSWORD, next });
      expect(login.statusCode).toBe(303);
      expect(login.headers.location).toBe('/');
      await v.get('/'); // as a browser follows the redirect (the logged-in session has its own CSRF token)
      const locale = await v.post('/locale', { locale: 'es', back: next });
      expect(locale.statusCode).toBe(303);
      expect(locale.headers.location).toBe('/');
    }
    // NUL cannot reach the database at all: a bad request, whether in the query or the form.
    const v = new BrowserClient(t.app);
    expect((await v.get('/login?next=%2F%00x')).statusCode).toBe(400);
    const nul = await v.post('/login', { email: 'next@example.test', password: TEST_PASSWORD, next: '/\u0000x' });
    expect(nul.statusCode).toBe(400);
    expect(nul.headers.location).toBeUndefined();
    const ok = new BrowserClient(t.app);
    const login = await ok.post('/login', { email: 'next@example.test', password: TEST_PASSWORD, next: '/orders' });
    expect(login.headers.location).toBe('/orders');
  });
});
