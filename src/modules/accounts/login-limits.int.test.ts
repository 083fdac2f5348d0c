import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, TEST_PASSWORD } from '../../../test/browser-client.js';
import { createTestApp, secondApp, type TestApp } from '../../../test/test-app.js';
import { registerUser } from './index.js';

/** Failed logins for `emails` from one client, with optional headers; returns the statuses. */
async function failLogins(
  b: BrowserClient,
  emails: string[],
  headers: (i: number) => Record<string, string> = () => ({}),
) {
  await b.get('/login');
  const statuses: number[] = [];
  for (const [i, email] of emails.entries())
    statuses.push((await b.post('/login', { email, password: 'not the password' }, headers(i))).statusCode);
  return statuses;
}
const addresses = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);

describe('login limits in production (no proxy configured)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('a made-up X-Forwarded-For does not give a fresh per-IP allowance', async () => {
    const b = new BrowserClient(t.app);
    const statuses = await failLogins(b, addresses(12, 'xff'), (i) => ({ 'x-forwarded-for': `203.0.113.${i}` }));
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(422));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe('login limits behind a configured proxy (TRUST_PROXY)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production', TRUST_PROXY: '10.0.0.0/8' });
  });
  afterAll(() => t.close());

  it('counts per client address as the trusted proxy reports it', async () => {
    const proxy = new BrowserClient(t.app, '10.1.2.3');
    const one = await failLogins(proxy, addresses(11, 'one'), () => ({ 'x-forwarded-for': '198.51.100.7' }));
    expect(one.at(-1)).toBe(429);
    // Another client behind the same proxy is not locked out by the first.
    const two = await failLogins(proxy, addresses(1, 'two'), () => ({ 'x-forwarded-for': '198.51.100.8' }));
    expect(two).toEqual([422]);
  });

  it('ignores X-Forwarded-For from an address that is not the proxy', async () => {
    const b = new BrowserClient(t.app, '192.0.2.50');
    const statuses = await failLogins(b, addresses(11, 'direct'), (i) => ({ 'x-forwarded-for': `203.0.113.${i}` }));
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('login limits count failures only', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('an office of twelve people logging in from one address is never locked out', async () => {
    const office = '192.0.2.10';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const email = `office${i}@example.com`;
      await registerUser(t.db, { email, fullName: `Office ${i}`, password: TEST_PASSWORD });
      const b = new BrowserClient(t.app, office);
      await b.get('/login');
      statuses.push((await b.post('/login', { email, password: TEST_PASSWORD })).statusCode);
    }
    expect(statuses).toEqual(Array(12).fill(303));
  });

  it('the owner logging in again and again does not lock the account', async () => {
    await registerUser(t.db, { email: 'often@example.com', fullName: 'Often', password: TEST_PASSWORD });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const b = new BrowserClient(t.app);
      await b.get('/login');
      statuses.push((await b.post('/login', { email: 'often@example.com', password: TEST_PASSWORD })).statusCode);
    }
    expect(statuses).toEqual(Array(12).fill(303));
  });

  it('failures from one address are counted however many processes answer (kept in the database)', async () => {
    const second = await secondApp(t);
    try {
      const ip = '192.0.2.99';
      const first = await failLogins(new BrowserClient(t.app, ip), addresses(6, 'p1-'));
      const then = await failLogins(new BrowserClient(second, ip), addresses(5, 'p2-'));
      expect([...first, ...then].slice(0, 10)).toEqual(Array(10).fill(422));
      expect(then.at(-1)).toBe(429);
    } finally {
      await second.close();
    }
  });
});
