import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient, TEST_PASSWORD } from '../../../test/browser-client.js';
import { createTestApp, movableClock, type TestApp } from '../../../test/test-app.js';
import { outboxMessages } from '../../platform/mail/index.js';
import { findUserByEmail, registerUser } from './index.js';

const clock = movableClock();
let t: TestApp;
let admin: Awaited<ReturnType<typeof loggedInClient>>;
beforeAll(async () => {
  t = await createTestApp({ AUTH_RATE_LIMIT: '1000' }, { now: clock.now });
  admin = await loggedInClient(t.app, t.db, 'admin');
});
afterAll(() => t.close());

const lastMailTo = async (email: string) =>
  (await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, email)).orderBy(desc(outboxMessages.id)))[0];
const inviteToken = async (email: string) =>
  /\/invite\?token=([\w-]+)/.exec((await lastMailTo(email))?.body ?? '')?.[1];
let n = 0;
const fresh = (what = 'staff') => `${what}-${++n}-${Date.now()}@example.com`;
const stillLoggedIn = async (c: BrowserClient) => (await c.get('/cart')).statusCode === 200;

async function invite(email: string, extra: Record<string, string> = {}) {
  await admin.client.get('/admin/users');
  return admin.client.post('/admin/users/invite', {
    email,
    fullName: 'Sam Seller',
    role: 'sales',
    locale: 'en',
    ...extra,
  });
}
async function accept(token: string, password = 'a long staff passphrase', client = new BrowserClient(t.app)) {
  await client.get(`/invite?token=${token}`);
  return client.post('/invite', { token, fullName: 'Sam Seller', password });
}

describe('who may open /admin/users', () => {
  it('visitors log in, customers and other staff roles are refused', async () => {
    expect((await new BrowserClient(t.app).get('/admin/users')).statusCode).toBe(303);
    for (const role of ['customer', 'sales', 'finance', 'warehouse', 'support'] as const) {
      const { client, user } = await loggedInClient(t.app, t.db, role);
      expect((await client.get('/admin/users')).statusCode, role).toBe(403);
      expect((await client.get(`/admin/users/${user.id}`)).statusCode, role).toBe(403);
      await client.get('/');
      expect((await client.post(`/admin/users/${user.id}/role`, { role: 'admin' })).statusCode, role).toBe(403);
      expect(
        (await client.post('/admin/users/invite', { email: fresh(), fullName: 'X Y', role: 'admin', locale: 'en' }))
          .statusCode,
      ).toBe(403);
      expect((await findUserByEmail(t.db, user.email))?.role).toBe(role);
    }
  });

  it('an unknown user answers 404', async () => {
    expect((await admin.client.get('/admin/users/999999')).statusCode).toBe(404);
    expect((await admin.client.get('/admin/users/abc')).statusCode).toBe(404);
  });
});

describe('the users list', () => {
  it('lists staff and customers with role, status and last login, and searches by name or e-mail', async () => {
    const email = fresh('zebra');
    await registerUser(t.db, { email, fullName: 'Zoë Zebra-Finder', password: TEST_PASSWORD });
    const all = await admin.client.get('/admin/users');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain(admin.email);
    expect(all.body).toContain('Admin');
    expect(all.body).toContain('Last login');
    const byName = await admin.client.get('/admin/users?q=zebra-find');
    expect(byName.body).toContain('Zoë Zebra-Finder');
    expect(byName.body).toContain('Never');
    expect(byName.body).not.toContain(admin.email);
    expect((await admin.client.get(`/admin/users?q=${encodeURIComponent(email.toUpperCase())}`)).body).toContain(
      'Zoë Zebra-Finder',
    );
    // A % is a character to look for, not a wildcard.
    expect((await admin.client.get('/admin/users?q=%25')).body).toContain('No user matches this search.');
  });

  it('pages through many users', async () => {
    for (let i = 0; i < 27; i++) {
      await registerUser(t.db, { email: fresh('pager'), fullName: `Pager Person ${i}`, password: TEST_PASSWORD });
    }
    const first = await admin.client.get('/admin/users?q=Pager%20Person');
    expect(first.body.match(/Pager Person \d+/g)).toHaveLength(25);
    expect(first.body).toContain('rel="next"');
    const second = await admin.client.get('/admin/users?q=Pager%20Person&page=2');
    expect(second.body.match(/Pager Person \d+/g)).toHaveLength(2);
    expect(second.body).not.toContain('rel="next"');
    expect((await admin.client.get('/admin/users?page=-4')).statusCode).toBe(200);
  });
});

describe('inviting staff', () => {
  it('mails a 72-hour link in the chosen language; the invitee sets a password and the role is the invited one', async () => {
    const email = fresh();
    const sent = await invite(email, { locale: 'es', role: 'finance' });
    expect(sent.statusCode).toBe(303);
    const mail = await lastMailTo(email);
    expect(mail?.subject).toBe('Le invitamos al panel de Hashcart');
    expect(mail?.body).toContain('Finanzas');
    const page = await admin.client.get('/admin/users');
    expect(page.body).toContain('Invitations not yet accepted');
    expect(page.body).toContain(`invited ${email} as Finance`);
    const token = (await inviteToken(email))!;
    const b = new BrowserClient(t.app);
    const form = await b.get(`/invite?token=${token}`);
    expect(form.body).toContain(email);
    const short = await b.post('/invite', { token, fullName: 'Sam Seller', password: 'short one' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('Staff passwords need at least 12 characters');
    const done = await b.post('/invite', {
      token,
      fullName: 'Sam Seller',
      password: 'a long staff passphrase',
      role: 'admin',
    });
    expect(done.statusCode).toBe(303);
    // No session yet: two-factor enrolment comes first.
    expect(done.headers.location).toBe('/login/two-factor/setup');
    expect((await b.get('/admin')).statusCode).toBe(303);
    const setup = await b.get('/login/two-factor/setup');
    expect(setup.body).toContain('Set up two-factor login');
    const user = await findUserByEmail(t.db, email);
    expect(user).toMatchObject({ role: 'finance', fullName: 'Sam Seller', locale: 'es' });
    expect((await accept(token)).statusCode).toBe(410);
    expect((await admin.client.get('/admin/users')).body).toContain(`${email} accepted the invitation (Finance)`);
  });

  it('expires after 72 hours, and a tampered link says so', async () => {
    const email = fresh();
    await invite(email);
    const token = (await inviteToken(email))!;
    expect((await new BrowserClient(t.app).get(`/invite?token=${token}x`)).statusCode).toBe(410);
    clock.advance(72 * 3_600_000 + 60_000);
    const late = await new BrowserClient(t.app).get(`/invite?token=${token}`);
    expect(late.statusCode).toBe(410);
    expect(late.body).toContain('This link no longer works');
    expect((await accept(token)).statusCode).toBe(410);
    expect(await findUserByEmail(t.db, email)).toBeUndefined();
    clock.advance(-(72 * 3_600_000 + 60_000)); // back to now: the next tests log staff in with real codes
  });

  it('refuses an address that has an account, a customer role and a bad address', async () => {
    const taken = await invite(admin.email);
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('This address already has an account');
    expect((await invite(fresh(), { role: 'customer' })).statusCode).toBe(422);
    expect((await invite('not-an-address')).statusCode).toBe(422);
  });
});

describe('changing a user', () => {
  it('a role change ends the sessions at once and is recorded', async () => {
    const sales = await loggedInClient(t.app, t.db, 'sales');
    expect((await sales.client.get('/admin')).statusCode).toBe(200);
    const res = await admin.client.post(`/admin/users/${sales.user.id}/role`, {
      role: 'support',
      userId: admin.user.id,
    });
    expect(res.statusCode).toBe(303);
    expect((await findUserByEmail(t.db, sales.email))?.role).toBe('support');
    expect((await findUserByEmail(t.db, admin.email))?.role).toBe('admin');
    expect(await stillLoggedIn(sales.client)).toBe(false);
    const page = await admin.client.get(`/admin/users/${sales.user.id}?done=role`);
    expect(page.body).toContain('Role changed');
    expect(page.body).toContain(`changed the role of ${sales.email}: Sales → Support`);
    expect((await admin.client.post(`/admin/users/${sales.user.id}/role`, { role: 'owner' })).statusCode).toBe(400);
  });

  it('disabling refuses the old cookie on the next request; enabling lets the user log in again', async () => {
    const buyer = await loggedInClient(t.app, t.db);
    expect((await admin.client.post(`/admin/users/${buyer.user.id}/active`, { active: 'false' })).statusCode).toBe(303);
    expect(await stillLoggedIn(buyer.client)).toBe(false);
    const b = new BrowserClient(t.app);
    await b.get('/login');
    expect((await b.post('/login', { email: buyer.email, password: TEST_PASSWORD })).statusCode).toBe(422);
    expect((await admin.client.post(`/admin/users/${buyer.user.id}/active`, { active: 'true' })).statusCode).toBe(303);
    await new BrowserClient(t.app).login(buyer.email, TEST_PASSWORD);
    const page = await admin.client.get(`/admin/users/${buyer.user.id}`);
    expect(page.body).toContain(`disabled ${buyer.email}`);
    expect(page.body).toContain(`enabled ${buyer.email} again`);
  });

  it('sends a password-reset link, recorded', async () => {
    const buyer = await loggedInClient(t.app, t.db);
    expect((await admin.client.post(`/admin/users/${buyer.user.id}/reset-password`)).statusCode).toBe(303);
    expect((await lastMailTo(buyer.email))?.body).toContain('/password/reset?token=');
    expect((await admin.client.get(`/admin/users/${buyer.user.id}`)).body).toContain(
      `sent a password-reset link to ${buyer.email}`,
    );
  });
});

describe('the last active admin', () => {
  it('cannot be demoted or disabled; with two, two demotions at once leave one', async () => {
    const own = await createTestApp();
    try {
      const a = await loggedInClient(own.app, own.db, 'admin');
      await a.client.get(`/admin/users/${a.user.id}`);
      const demote = await a.client.post(`/admin/users/${a.user.id}/role`, { role: 'sales' });
      expect(demote.statusCode).toBe(409);
      expect(demote.body).toContain('This is the last active admin');
      expect((await a.client.post(`/admin/users/${a.user.id}/active`, { active: 'false' })).statusCode).toBe(409);
      expect(await findUserByEmail(own.db, a.email)).toMatchObject({ role: 'admin', active: true });
      const b = await loggedInClient(own.app, own.db, 'admin');
      const both = await Promise.all([
        a.client.post(`/admin/users/${b.user.id}/role`, { role: 'sales' }),
        b.client.post(`/admin/users/${a.user.id}/role`, { role: 'sales' }),
      ]);
      const roles = [(await findUserByEmail(own.db, a.email))?.role, (await findUserByEmail(own.db, b.email))?.role];
      expect(roles.filter((r) => r === 'admin')).toHaveLength(1);
      // The other request is refused: 409, or a login page if its session ended first.
      expect(both.filter((r) => String(r.headers.location).endsWith('?done=role'))).toHaveLength(1);
    } finally {
      await own.close();
    }
  });
});
