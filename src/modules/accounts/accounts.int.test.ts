import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient, registerThroughForm, TEST_PASSWORD } from '../../../test/browser-client.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { registerUser } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('registration', () => {
  it('creates an account from the e-mailed link, logs in and shows the name in the header', async () => {
    const b = new BrowserClient(t.app);
    await registerThroughForm(t, b, {
      fullName: 'Ana Castillo',
      email: 'Ana@Example.com',
      password: 'a long passphrase',
    });
    const home = await b.get('/');
    expect(home.body).toContain('Ana Castillo');
    expect(home.body).toContain('Log out');
  });

  it('keeps typed values (never the password) and explains each bad field', async () => {
    const b = new BrowserClient(t.app);
    await b.get('/register');
    const res = await b.post('/register', { fullName: 'Bo Li', email: 'not-an-email', password: 'short' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Enter a valid e-mail address');
    expect(res.body).toContain('Use at least 8 characters');
    expect(res.body).toContain('value="Bo Li"');
    expect(res.body).toContain('value="not-an-email"');
    expect(res.body).not.toContain('value="short"');
  });

  // A taken e-mail is no longer refused on the form (that told anyone the address has an
  // account); registration.int.test.ts checks it gets the same answer as a new one.
  it('refuses a common password, and a taken e-mail creates nothing (case-insensitive)', async () => {
    await registerUser(t.db, { email: 'taken@example.com', fullName: 'Taken', password: TEST_PASSWORD });
    const b = new BrowserClient(t.app);
    await b.get('/register');
    const taken = await b.post('/register', {
      fullName: 'X Y',
      email: 'TAKEN@example.com',
      password: 'another long one',
    });
    expect(taken.statusCode).toBe(200);
    expect(taken.body).toContain('Check your inbox');
    const login = new BrowserClient(t.app);
    await login.get('/login');
    expect((await login.post('/login', { email: 'taken@example.com', password: 'another long one' })).statusCode).toBe(
      422,
    );
    const common = await b.post('/register', { fullName: 'X Y', email: 'new@example.com', password: 'password123' });
    expect(common.body).toContain('This password is too common');
  });

  it('requires 12 characters for staff passwords', async () => {
    await expect(
      registerUser(t.db, { email: 'short-staff@example.com', fullName: 'S', password: 'eleven char', role: 'sales' }),
    ).rejects.toMatchObject({
      fields: { password: 'field.passwordShortStaff' },
    });
    await expect(
      registerUser(t.db, { email: 'ok-staff@example.com', fullName: 'S', password: 'twelve chars', role: 'sales' }),
    ).resolves.toBeDefined();
  });

  it('ignores a posted role: everybody registers as customer', async () => {
    const b = new BrowserClient(t.app);
    await registerThroughForm(t, b, {
      fullName: 'Eve',
      email: 'eve@example.com',
      password: 'a long passphrase',
      role: 'admin',
    });
    const res = await b.get('/admin');
    expect(res.statusCode).toBe(403);
  });
});

describe('login and sessions', () => {
  it('answers the same for an unknown e-mail and a wrong password', async () => {
    await registerUser(t.db, { email: 'known@example.com', fullName: 'Known', password: TEST_PASSWORD });
    const b = new BrowserClient(t.app);
    await b.get('/login');
    const unknown = await b.post('/login', { email: 'nobody@example.com', password: TEST_PASSWORD });
    const wrong = await b.post('/login', { email: 'known@example.com', password: 'wrong password!' });
    expect(unknown.statusCode).toBe(422);
    expect(wrong.statusCode).toBe(422);
    const msg = (body: string) => /role="alert">([^<]+)</.exec(body)?.[1];
    expect(msg(unknown.body)).toBe(msg(wrong.body));
    expect(wrong.body).toContain('value="known@example.com"');
  });

  it('sets an HttpOnly SameSite=Lax session cookie and rotates it at login', async () => {
    await registerUser(t.db, { email: 'rotate@example.com', fullName: 'Rotate', password: TEST_PASSWORD });
    const b = new BrowserClient(t.app);
    await b.get('/login');
    const first = await b.post('/login', { email: 'rotate@example.com', password: TEST_PASSWORD });
    const c1 = first.cookies.find((c) => c.name === 'hc_sid')!;
    expect(c1.httpOnly).toBe(true);
    expect(c1.sameSite).toBe('Lax');
    await b.get('/login');
    const second = await b.post('/login', { email: 'rotate@example.com', password: TEST_PASSWORD });
    const c2 = second.cookies.find((c) => c.name === 'hc_sid')!;
    expect(c2.value).not.toBe(c1.value);
    // The old session was deleted at the second login.
    const old = await t.app.inject({ url: '/cart', cookies: { hc_sid: c1.value } });
    expect(old.statusCode).toBe(303);
  });

  it('logs out and deletes the session server-side', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    const sid = client.cookieHeader.match(/hc_sid=([^;]+)/)![1]!;
    await client.post('/logout');
    const replay = await t.app.inject({ url: '/cart', cookies: { hc_sid: sid } });
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toBe('/login?next=%2Fcart');
  });

  it('refuses a form post without a valid CSRF token', async () => {
    const b = new BrowserClient(t.app);
    await b.get('/login');
    const res = await b.post('/login', { email: 'known@example.com', password: TEST_PASSWORD, _csrf: 'forged' });
    expect(res.statusCode).toBe(403);
    const cross = await b.post(
      '/login',
      { email: 'known@example.com', password: TEST_PASSWORD },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(cross.statusCode).toBe(403);
  });

  it('rate-limits login per account even across IPs', async () => {
    await registerUser(t.db, { email: 'target@example.com', fullName: 'Target', password: TEST_PASSWORD });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const b = new BrowserClient(t.app); // a new IP every time
      await b.get('/login');
      const res = await b.post('/login', { email: 'target@example.com', password: `guess number ${i}` });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 422)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('rate-limits login per IP across accounts', async () => {
    const b = new BrowserClient(t.app);
    await b.get('/login');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await b.post('/login', { email: `x${i}@example.com`, password: 'whatever123' })).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 422)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await b.post('/login', { email: 'x@example.com', password: 'whatever123' })).body).toContain(
      'Too many attempts',
    );
  });

  it('sends a visitor on a page behind login to log in and back', async () => {
    const res = await t.app.inject({ url: '/cart' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2Fcart');
  });

  it('shows 403 on the back office to customers and the dashboard to staff', async () => {
    const customer = await loggedInClient(t.app, t.db, 'customer');
    expect((await customer.client.get('/admin')).statusCode).toBe(403);
    const sales = await loggedInClient(t.app, t.db, 'sales');
    const page = await sales.client.get('/admin');
    expect(page.statusCode).toBe(200);
    expect((await sales.client.get('/admin/products')).statusCode).toBe(403);
  });
});
