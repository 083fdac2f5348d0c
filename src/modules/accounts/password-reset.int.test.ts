import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient, TEST_PASSWORD } from '../../../test/browser-client.js';
import { createTestApp, movableClock, type TestApp } from '../../../test/test-app.js';
import { outboxMessages } from '../../platform/mail/index.js';
import { registerUser, setUserActive } from './index.js';

const clock = movableClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ AUTH_RATE_LIMIT: '1000' }, { now: clock.now });
});
afterAll(() => t.close());

let n = 0;
const fresh = () => `reset-${++n}-${Date.now()}@example.com`;
const lastMailTo = async (email: string) =>
  (await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, email)).orderBy(desc(outboxMessages.id)))[0];
const resetToken = async (email: string) => {
  const token = /\/password\/reset\?token=([\w-]+)/.exec((await lastMailTo(email))?.body ?? '')?.[1];
  if (!token) throw new Error(`no reset link mailed to ${email}`);
  return token;
};

async function ask(email: string, client = new BrowserClient(t.app)) {
  await client.get('/password/forgot');
  return client.post('/password/forgot', { email });
}
async function reset(token: string, password: string, client = new BrowserClient(t.app)) {
  await client.get(`/password/reset?token=${token}`);
  return client.post('/password/reset', { token, password });
}
const canLogIn = async (email: string, password: string) => {
  const b = new BrowserClient(t.app);
  await b.get('/login');
  return (await b.post('/login', { email, password })).statusCode === 303;
};

describe('forgot password', () => {
  it('is linked from the login page', async () => {
    const page = await new BrowserClient(t.app).get('/login');
    expect(page.body).toContain('href="/password/forgot"');
    expect(page.body).toContain('Forgot your password?');
  });

  it('answers the same for an account and for an unknown address, and mails both', async () => {
    const { email } = await loggedInClient(t.app, t.db);
    const stranger = fresh();
    const known = await ask(email.toUpperCase());
    const unknown = await ask(stranger);
    const page = (r: { statusCode: number; body: string }) => ({
      status: r.statusCode,
      body: r.body.replace(/name="_csrf" value="[^"]+"/g, '').replace(/x-csrf-token&#34;:&#34;[^&]+/g, ''),
    });
    expect(page(known)).toEqual(page(unknown));
    expect(known.body).toContain('If an account uses this address');
    expect((await lastMailTo(email))?.body).toContain('/password/reset?token=');
    const note = await lastMailTo(stranger);
    expect(note?.body).toContain('no active account uses it');
    expect(note?.body).not.toContain('token=');
  });

  it('takes about the same time either way', async () => {
    const { email } = await loggedInClient(t.app, t.db);
    const times = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 15; i++) {
      for (const kind of i % 2 ? (['unknown', 'known'] as const) : (['known', 'unknown'] as const)) {
        const b = new BrowserClient(t.app);
        await b.get('/password/forgot');
        const started = performance.now();
        await b.post('/password/forgot', { email: kind === 'known' ? email : fresh() });
        times[kind].push(performance.now() - started);
      }
    }
    const low = (xs: number[]) => Math.min(...xs);
    // Both paths are one lookup and two inserts; no password hash on either side.
    expect(Math.abs(low(times.known) - low(times.unknown))).toBeLessThan(Math.max(3, low(times.known)));
  });

  it('the link sets a new password once, ends every session and does not log in', async () => {
    const { client, email } = await loggedInClient(t.app, t.db);
    const other = await loggedInClient(t.app, t.db);
    await ask(email);
    const token = await resetToken(email);
    const form = await new BrowserClient(t.app).get(`/password/reset?token=${token}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Choose a new password');
    const b = new BrowserClient(t.app);
    const done = await reset(token, 'a fresh long passphrase', b);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Your password is changed');
    expect((await b.get('/cart')).statusCode).toBe(303);
    expect((await client.get('/cart')).statusCode).toBe(303);
    expect((await other.client.get('/cart')).statusCode).toBe(200);
    expect(await canLogIn(email, TEST_PASSWORD)).toBe(false);
    expect(await canLogIn(email, 'a fresh long passphrase')).toBe(true);
    expect((await lastMailTo(email))?.subject).toBe('Your Hashcart password was changed');
    const again = await reset(token, 'yet another passphrase');
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('This link no longer works');
    expect(again.body).toContain('href="/password/forgot"');
    expect(await canLogIn(email, 'yet another passphrase')).toBe(false);
  });

  it('a used link makes older reset mails worthless too', async () => {
    const { email } = await loggedInClient(t.app, t.db);
    await ask(email);
    const first = await resetToken(email);
    await ask(email);
    const second = await resetToken(email);
    expect((await reset(second, 'the second passphrase')).statusCode).toBe(200);
    expect((await reset(first, 'the first passphrase')).statusCode).toBe(410);
  });

  it('expires after one hour', async () => {
    const { email } = await loggedInClient(t.app, t.db);
    await ask(email);
    const token = await resetToken(email);
    clock.advance(59 * 60_000);
    expect((await new BrowserClient(t.app).get(`/password/reset?token=${token}`)).statusCode).toBe(200);
    clock.advance(2 * 60_000);
    const late = await new BrowserClient(t.app).get(`/password/reset?token=${token}`);
    expect(late.statusCode).toBe(410);
    expect(late.body).toContain('Ask for a new link');
    expect((await reset(token, 'too late passphrase')).statusCode).toBe(410);
    expect(await canLogIn(email, TEST_PASSWORD)).toBe(true);
  });

  it('refuses a tampered or missing token', async () => {
    const { email } = await loggedInClient(t.app, t.db);
    await ask(email);
    const token = await resetToken(email);
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await new BrowserClient(t.app).get(`/password/reset?token=${tampered}`)).statusCode).toBe(410);
    expect((await new BrowserClient(t.app).get('/password/reset')).statusCode).toBe(410);
    expect((await reset(tampered, 'a tampered passphrase')).statusCode).toBe(410);
    expect(await canLogIn(email, TEST_PASSWORD)).toBe(true);
  });

  it('keeps the password rules (12 characters for staff) and the link after a refused password', async () => {
    const email = fresh();
    await registerUser(t.db, { email, fullName: 'Fin Ance', password: 'a staff passphrase', role: 'finance' });
    await ask(email);
    const token = await resetToken(email);
    const short = await reset(token, 'eleven char');
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('Staff passwords need at least 12 characters');
    expect((await reset(token, 'administrator')).body).toContain('This password is too common');
    expect((await reset(token, 'twelve chars ok')).statusCode).toBe(200);
  });

  it('sends no link for a disabled account', async () => {
    const { user, email } = await loggedInClient(t.app, t.db);
    await setUserActive(t.db, user.id, false);
    await ask(email);
    expect((await lastMailTo(email))?.body).not.toContain('token=');
  });

  it('lifts the lock that failed logins put on the account', async () => {
    const { email } = await loggedInClient(t.app, t.db);
    const locked = await createTestApp({ AUTH_RATE_LIMIT: '3' }, { now: clock.now });
    try {
      await registerUser(locked.db, { email, fullName: 'Locked', password: TEST_PASSWORD });
      const guess = async (password: string) => {
        const b = new BrowserClient(locked.app);
        await b.get('/login');
        return (await b.post('/login', { email, password })).statusCode;
      };
      for (let i = 0; i < 4; i++) await guess(`guess ${i}`);
      expect(await guess(TEST_PASSWORD)).toBe(429);
      const b = new BrowserClient(locked.app);
      await b.get('/password/forgot');
      await b.post('/password/forgot', { email });
      const [mail] = await locked.db
        .select()
        .from(outboxMessages)
        .where(eq(outboxMessages.to, email))
        .orderBy(desc(outboxMessages.id));
      const token = /token=([\w-]+)/.exec(mail!.body)![1]!;
      await b.get(`/password/reset?token=${token}`);
      expect((await b.post('/password/reset', { token, password: 'unlocked passphrase' })).statusCode).toBe(200);
      expect(await guess('unlocked passphrase')).toBe(303);
    } finally {
      await locked.close();
    }
  });
});

describe('forgot password limits', () => {
  it('counts every request per client address and per address asked for', async () => {
    const limited = await createTestApp({ AUTH_RATE_LIMIT: '3' });
    try {
      const b = new BrowserClient(limited.app);
      const codes: number[] = [];
      for (let i = 0; i < 5; i++)
        codes.push((await ask(`limit-${i}@example.com`, b).catch(() => undefined))?.statusCode ?? 0);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      const elsewhere = [];
      for (let i = 0; i < 4; i++) {
        const c = new BrowserClient(limited.app);
        await c.get('/password/forgot');
        elsewhere.push((await c.post('/password/forgot', { email: 'target@example.com' })).statusCode);
      }
      expect(elsewhere).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});
