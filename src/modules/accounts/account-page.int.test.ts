import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient, TEST_PASSWORD } from '../../../test/browser-client.js';
import { createTestApp, movableClock, type TestApp } from '../../../test/test-app.js';
import { outboxMessages } from '../../platform/mail/index.js';
import { findUserByEmail, registerUser } from './index.js';

const clock = movableClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ AUTH_RATE_LIMIT: '1000' }, { now: clock.now });
});
afterAll(() => t.close());

const mailsTo = async (email: string) =>
  t.db.select().from(outboxMessages).where(eq(outboxMessages.to, email)).orderBy(desc(outboxMessages.id));
const stillLoggedIn = async (c: BrowserClient) => (await c.get('/cart')).statusCode === 200;
let n = 0;
const fresh = () => `acct-${++n}-${Date.now()}@example.com`;

describe('/account', () => {
  it('asks visitors to log in, and shows the owner their details', async () => {
    expect((await new BrowserClient(t.app).get('/account')).statusCode).toBe(303);
    const { client, email } = await loggedInClient(t.app, t.db);
    const page = await client.get('/account');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(email);
    expect(page.body).toContain('href="/account"');
  });

  it('saves name, phone and language, and refuses a bad phone', async () => {
    const { client, email } = await loggedInClient(t.app, t.db);
    await client.get('/account');
    const saved = await client.post('/account/profile', {
      fullName: 'Nina Nuevo',
      phone: '+34 600 123 456',
      locale: 'es',
      role: 'admin',
      email: 'hijack@example.com',
    });
    expect(saved.statusCode).toBe(303);
    // The shop speaks the chosen language from the next page on.
    expect((await client.get('/account')).body).toContain('Mi cuenta');
    expect(await findUserByEmail(t.db, email)).toMatchObject({
      fullName: 'Nina Nuevo',
      phone: '+34 600 123 456',
      locale: 'es',
      role: 'customer',
    });
    const bad = await client.post('/account/profile', { fullName: 'Nina', phone: '<script>', locale: 'en' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Use solo dígitos, espacios y + ( ) -');
  });

  it('changes the password with the current one; the other sessions end, this one goes on', async () => {
    const { client, email } = await loggedInClient(t.app, t.db);
    const other = new BrowserClient(t.app);
    await other.login(email, TEST_PASSWORD);
    await client.get('/account');
    const wrong = await client.post('/account/password', { current: 'not it at all', password: 'a new passphrase' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('The current password is not correct.');
    expect((await client.post('/account/password', { current: TEST_PASSWORD, password: 'short' })).statusCode).toBe(
      422,
    );
    const done = await client.post('/account/password', { current: TEST_PASSWORD, password: 'a new passphrase' });
    expect(done.statusCode).toBe(303);
    expect(await stillLoggedIn(client)).toBe(true);
    expect(await stillLoggedIn(other)).toBe(false);
    expect((await mailsTo(email))[0]?.subject).toBe('Your Hashcart password was changed');
    await new BrowserClient(t.app).login(email, 'a new passphrase');
  });

  it('lists the sessions and logs out the other ones', async () => {
    const { client, email } = await loggedInClient(t.app, t.db);
    const other = new BrowserClient(t.app);
    await other.get('/login', { 'user-agent': 'Phone Browser 1.0' });
    await other.post('/login', { email, password: TEST_PASSWORD }, { 'user-agent': 'Phone Browser 1.0' });
    const page = await client.get('/account');
    expect(page.body).toContain('Phone Browser 1.0');
    expect(page.body).toContain('this browser');
    expect(page.body).toContain('Log out the other sessions (1)');
    expect((await client.post('/account/sessions/others')).statusCode).toBe(303);
    expect(await stillLoggedIn(other)).toBe(false);
    expect(await stillLoggedIn(client)).toBe(true);
  });
});

describe('logging in from a page', () => {
  it('comes back to the page: the header link carries it', async () => {
    expect((await new BrowserClient(t.app).get('/help')).body).toContain('href="/login?next=%2Fhelp"');
    expect((await new BrowserClient(t.app).get('/login')).body).toContain('href="/login"');
  });
});

describe('changing the e-mail address', () => {
  const linkIn = async (email: string) =>
    /\/account\/email\/confirm\?token=([\w-]+)/.exec((await mailsTo(email))[0]?.body ?? '')?.[1];

  it('takes effect from the link mailed to the new address; the old address is told', async () => {
    const { client, email } = await loggedInClient(t.app, t.db);
    const next = fresh();
    await client.get('/account');
    expect((await client.post('/account/email', { email: next, current: 'wrong password' })).statusCode).toBe(422);
    const sent = await client.post('/account/email', { email: next, current: TEST_PASSWORD });
    expect(sent.statusCode).toBe(303);
    expect((await mailsTo(email))[0]?.body).toContain(`change its e-mail address to ${next}`);
    expect((await findUserByEmail(t.db, email))?.email).toBe(email);
    const token = (await linkIn(next))!;
    const elsewhere = new BrowserClient(t.app);
    const confirm = await elsewhere.get(`/account/email/confirm?token=${token}`);
    expect(confirm.body).toContain('Confirm the new address');
    expect((await elsewhere.post('/account/email/confirm', { token })).statusCode).toBe(303);
    expect(await findUserByEmail(t.db, email)).toBeUndefined();
    expect(await findUserByEmail(t.db, next)).toBeDefined();
    await new BrowserClient(t.app).login(next, TEST_PASSWORD);
    expect((await elsewhere.post('/account/email/confirm', { token })).statusCode).toBe(410);
  });

  it('answers the same when the new address has an account, which gets a note and no link', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    const taken = fresh();
    await registerUser(t.db, { email: taken, fullName: 'Taken', password: TEST_PASSWORD });
    const free = fresh();
    await client.get('/account');
    const a = await client.post('/account/email', { email: taken, current: TEST_PASSWORD });
    const b = await client.post('/account/email', { email: free, current: TEST_PASSWORD });
    expect([a.statusCode, a.headers.location]).toEqual([b.statusCode, b.headers.location]);
    expect((await mailsTo(taken))[0]?.body).toContain('already has an account of its own');
    expect(await linkIn(taken)).toBeUndefined();
    expect(await linkIn(free)).toBeDefined();
  });

  it('the link expires after a day, and a tampered one is refused', async () => {
    const { client, email } = await loggedInClient(t.app, t.db);
    const next = fresh();
    await client.get('/account');
    await client.post('/account/email', { email: next, current: TEST_PASSWORD });
    const token = (await linkIn(next))!;
    expect((await client.get(`/account/email/confirm?token=${token}x`)).statusCode).toBe(410);
    clock.advance(24 * 3_600_000 + 60_000);
    expect((await client.get(`/account/email/confirm?token=${token}`)).statusCode).toBe(410);
    expect((await client.post('/account/email/confirm', { token })).statusCode).toBe(410);
    clock.advance(-(24 * 3_600_000 + 60_000));
    expect((await findUserByEmail(t.db, email))?.email).toBe(email);
  });
});

describe('account page limits', () => {
  it('counts wrong current passwords, and every e-mail change (each one sends mail)', async () => {
    const limited = await createTestApp({ AUTH_RATE_LIMIT: '3' });
    try {
      const guesser = await loggedInClient(limited.app, limited.db);
      await guesser.client.get('/account');
      const codes = [];
      for (let i = 0; i < 4; i++) {
        codes.push(
          (await guesser.client.post('/account/password', { current: `guess ${i}`, password: 'new passphrase' }))
            .statusCode,
        );
      }
      expect(codes).toEqual([422, 422, 422, 429]);
      const mailer = await loggedInClient(limited.app, limited.db);
      await mailer.client.get('/account');
      const sent = [];
      for (let i = 0; i < 4; i++) {
        sent.push(
          (await mailer.client.post('/account/email', { email: `flood-${i}@example.com`, current: TEST_PASSWORD }))
            .statusCode,
        );
      }
      expect(sent).toEqual([303, 303, 303, 429]);
    } finally {
      await limited.close();
    }
  });
});
