import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient, TEST_PASSWORD, TEST_TOTP_SECRET } from '../../../test/browser-client.js';
import { createTestApp, movableClock, type TestApp } from '../../../test/test-app.js';
import { outboxMessages } from '../../platform/mail/index.js';
import { changeUserRole, registerUser, setSecondFactorSecret, totpCode } from './index.js';

const clock = movableClock();
let t: TestApp;
// Logged in (with real-time codes) before the tests move the clock.
let admin: Awaited<ReturnType<typeof loggedInClient>>;
let sales: Awaited<ReturnType<typeof loggedInClient>>;
beforeAll(async () => {
  t = await createTestApp({ AUTH_RATE_LIMIT: '5' }, { now: clock.now });
  admin = await loggedInClient(t.app, t.db, 'admin');
  sales = await loggedInClient(t.app, t.db, 'sales');
});
afterAll(() => t.close());

let n = 0;
const code = (secret: string, stepsAhead = 0) =>
  totpCode(secret, new Date(clock.now().getTime() + stepsAhead * 30_000));
/** A staff member with a known secret (enrolled), not logged in. */
async function staff(role: 'sales' | 'admin' | 'finance' = 'sales', enrolled = true) {
  const email = `tf-${++n}-${Date.now()}@example.com`;
  const user = await registerUser(t.db, { email, fullName: `Two Factor ${n}`, password: TEST_PASSWORD, role });
  if (enrolled) await setSecondFactorSecret(t.db, user.id, TEST_TOTP_SECRET);
  return { email, user };
}
async function password(email: string, extra: Record<string, string> = {}, b = new BrowserClient(t.app)) {
  await b.get('/login');
  const res = await b.post('/login', { email, password: TEST_PASSWORD, ...extra });
  return { b, res };
}
async function second(b: BrowserClient, value: string) {
  await b.get('/login/two-factor');
  return b.post('/login/two-factor', { code: value });
}
const inBackOffice = async (b: BrowserClient) => (await b.get('/admin')).statusCode === 200;
const keyOn = (page: string) => /class="secret-key">([A-Z2-7 ]+)</.exec(page)?.[1]?.replaceAll(' ', '');

describe('staff log in with a second factor', () => {
  it('the password alone opens nothing; the code opens the back office', async () => {
    const { email } = await staff();
    const { b, res } = await password(email);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/login/two-factor');
    expect(res.cookies.filter((c) => c.name === 'hc_sid' && c.value)).toEqual([]);
    expect((await b.get('/admin')).statusCode).toBe(303);
    const page = await b.get('/login/two-factor');
    expect(page.body).toContain('authenticator app');
    const wrong = await second(b, '000000' === code(TEST_TOTP_SECRET) ? '111111' : '000000');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('This code is not right');
    const done = await second(b, code(TEST_TOTP_SECRET));
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/admin');
    expect(await inBackOffice(b)).toBe(true);
    const [mail] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, email));
    expect(mail?.subject).toBe('New sign-in to your Hashcart staff account');
  });

  it('goes where the login was asked to go', async () => {
    const { email } = await staff();
    const { b } = await password(email, { next: '/admin/orders' });
    expect((await second(b, code(TEST_TOTP_SECRET))).headers.location).toBe('/admin/orders');
  });

  it('a code works once; the next window once more; an older one never after a newer', async () => {
    const { email } = await staff();
    const now = code(TEST_TOTP_SECRET);
    const first = await password(email);
    expect((await second(first.b, now)).statusCode).toBe(303);
    const replay = await password(email);
    expect((await second(replay.b, now)).statusCode).toBe(422);
    const ahead = code(TEST_TOTP_SECRET, 1);
    expect((await second(replay.b, ahead)).statusCode).toBe(303);
    const again = await password(email);
    expect((await second(again.b, ahead)).statusCode).toBe(422);
    expect((await second(again.b, code(TEST_TOTP_SECRET, -1))).statusCode).toBe(422);
    clock.advance(60_000); // two steps on: a fresh code is accepted
    expect((await second(again.b, code(TEST_TOTP_SECRET))).statusCode).toBe(303);
  });

  it('two requests with the same code at once: one session', async () => {
    const { email } = await staff();
    const a = await password(email);
    const b = await password(email);
    await a.b.get('/login/two-factor');
    await b.b.get('/login/two-factor');
    const value = code(TEST_TOTP_SECRET, 2 + n); // a step nobody used yet
    clock.advance((2 + n) * 30_000);
    const both = await Promise.all([
      a.b.post('/login/two-factor', { code: value }),
      b.b.post('/login/two-factor', { code: value }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([303, 422]);
  });

  it('counts wrong codes: past the limit even the right code waits', async () => {
    const { email } = await staff();
    const { b } = await password(email);
    for (let i = 0; i < 5; i++) expect((await second(b, `12345${i}`)).statusCode).toBe(422);
    clock.advance(30_000);
    expect((await second(b, code(TEST_TOTP_SECRET))).statusCode).toBe(429);
  });

  it('the step after the password lasts ten minutes', async () => {
    const { email } = await staff();
    const { b } = await password(email);
    clock.advance(11 * 60_000);
    const late = await second(b, code(TEST_TOTP_SECRET));
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain('Log in again');
    expect(await inBackOffice(b)).toBe(false);
    expect((await new BrowserClient(t.app).post('/login/two-factor', { code: '123456' })).statusCode).toBe(422);
  });

  it('a reset password still needs the second factor', async () => {
    const { email } = await staff('finance');
    const b = new BrowserClient(t.app);
    await b.get('/password/forgot');
    await b.post('/password/forgot', { email });
    const [mail] = await t.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.to, email))
      .orderBy(desc(outboxMessages.id));
    const token = /token=([\w-]+)/.exec(mail!.body)![1]!;
    await b.get(`/password/reset?token=${token}`);
    await b.post('/password/reset', { token, password: 'a brand new staff passphrase' });
    await b.get('/login');
    const res = await b.post('/login', { email, password: 'a brand new staff passphrase' });
    expect(res.headers.location).toBe('/login/two-factor');
    expect(await inBackOffice(b)).toBe(false);
  });
});

describe('enrolment', () => {
  it('a staff member without a second factor enrols before any back-office page, and gets ten recovery codes once', async () => {
    const { email } = await staff('sales', false);
    const { b, res } = await password(email);
    expect(res.headers.location).toBe('/login/two-factor/setup');
    expect((await b.get('/admin')).statusCode).toBe(303);
    expect((await b.get('/login/two-factor')).headers.location).toBe('/login/two-factor/setup');
    const page = await b.get('/login/two-factor/setup');
    expect(page.body).toContain('src="data:image/png;base64,');
    const key = keyOn(page.body)!;
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    expect((await b.post('/login/two-factor/setup', { code: '12345' })).statusCode).toBe(422);
    const done = await b.post('/login/two-factor/setup', { code: totpCode(key, clock.now()) });
    expect(done.statusCode).toBe(200);
    expect(done.headers['cache-control']).toBe('no-store');
    const codes = [...done.body.matchAll(/<li>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})<\/li>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    expect(await inBackOffice(b)).toBe(true);
    // Shown once: the page is gone.
    expect((await b.get('/login/two-factor/setup')).body).not.toContain(codes[0]);

    // A recovery code logs in once, in any case and spacing.
    const lost = await password(email);
    expect((await second(lost.b, codes[3]!.toUpperCase().replaceAll('-', ' '))).statusCode).toBe(303);
    const reused = await password(email);
    expect((await second(reused.b, codes[3]!)).statusCode).toBe(422);
    // The enrolled key is the one the app now holds.
    clock.advance(60_000);
    expect((await second(reused.b, totpCode(key, clock.now()))).statusCode).toBe(303);
  });

  it('a customer made staff enrols at the next login', async () => {
    const { client, user, email } = await loggedInClient(t.app, t.db);
    await changeUserRole(t.db, user.id, 'warehouse');
    expect((await client.get('/cart')).statusCode).toBe(303);
    expect((await password(email)).res.headers.location).toBe('/login/two-factor/setup');
  });

  it('customers log in with the password only, and land where they were', async () => {
    const { email } = await loggedInClient(t.app, t.db);
    const { res } = await password(email, { next: '/orders' });
    expect(res.headers.location).toBe('/orders');
  });
});

describe('an admin resets a second factor', () => {
  it('ends the sessions, is recorded, and the next login enrols again', async () => {
    const { email, user } = await staff();
    const { b } = await password(email);
    clock.advance(30_000 * 3);
    await second(b, code(TEST_TOTP_SECRET));
    expect(await inBackOffice(b)).toBe(true);
    await admin.client.get(`/admin/users/${user.id}`);
    expect((await admin.client.post(`/admin/users/${user.id}/reset-two-factor`)).statusCode).toBe(303);
    expect(await inBackOffice(b)).toBe(false);
    const page = await admin.client.get(`/admin/users/${user.id}`);
    expect(page.body).toContain(`reset the two-factor login of ${email}`);
    expect(page.body).toContain('Two-factor not set up');
    expect((await password(email)).res.headers.location).toBe('/login/two-factor/setup');
    expect((await admin.client.post(`/admin/users/${user.id}/reset-two-factor`)).statusCode).toBe(409);
  });

  it('only admins may', async () => {
    const { user } = await staff();
    expect((await sales.client.post(`/admin/users/${user.id}/reset-two-factor`)).statusCode).toBe(403);
  });
});
