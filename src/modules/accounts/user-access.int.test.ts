import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient, TEST_PASSWORD } from '../../../test/browser-client.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { changePassword, changeUserRole, setUserActive } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Whether the client's session still opens a page behind login. */
const stillLoggedIn = async (client: BrowserClient) => (await client.get('/cart')).statusCode === 200;

describe('changes to a user end their sessions', () => {
  it('deactivation: the session does not come back when the user is reactivated', async () => {
    const { client, user } = await loggedInClient(t.app, t.db);
    const other = new BrowserClient(t.app);
    await other.login(user.email, TEST_PASSWORD);
    await setUserActive(t.db, user.id, false);
    expect(await stillLoggedIn(client)).toBe(false);
    await setUserActive(t.db, user.id, true);
    expect(await stillLoggedIn(client)).toBe(false);
    expect(await stillLoggedIn(other)).toBe(false);
    // The user logs in again as usual.
    const again = new BrowserClient(t.app);
    await again.login(user.email, TEST_PASSWORD);
    expect(await stillLoggedIn(again)).toBe(true);
  });

  it('a role change: the session opened under the old role ends', async () => {
    const { client, user } = await loggedInClient(t.app, t.db, 'sales');
    expect((await client.get('/admin')).statusCode).toBe(200);
    await changeUserRole(t.db, user.id, 'customer');
    expect(await stillLoggedIn(client)).toBe(false);
  });

  it('a password change: sessions opened with the old password end, the new one logs in', async () => {
    const { client, user } = await loggedInClient(t.app, t.db);
    await changePassword(t.db, user.id, 'customer', 'a brand new passphrase');
    expect(await stillLoggedIn(client)).toBe(false);
    const b = new BrowserClient(t.app);
    await b.get('/login');
    expect((await b.post('/login', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(422);
    await b.login(user.email, 'a brand new passphrase');
    expect(await stillLoggedIn(b)).toBe(true);
  });

  it('a new password ends the lock that failed logins put on the account', async () => {
    const { user } = await loggedInClient(t.app, t.db);
    for (let i = 0; i < 11; i++) {
      const guesser = new BrowserClient(t.app);
      await guesser.get('/login');
      await guesser.post('/login', { email: user.email, password: `guess ${i}` });
    }
    const owner = new BrowserClient(t.app);
    await owner.get('/login');
    expect((await owner.post('/login', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(429);
    await changePassword(t.db, user.id, 'customer', 'my fresh passphrase');
    await owner.login(user.email, 'my fresh passphrase');
  });

  it('keeps the password rules on a change', async () => {
    const { user } = await loggedInClient(t.app, t.db, 'finance');
    await expect(changePassword(t.db, user.id, 'finance', 'eleven char')).rejects.toMatchObject({
      fields: { password: 'field.passwordShortStaff' },
    });
    await expect(changePassword(t.db, user.id, 'finance', 'administrator')).rejects.toMatchObject({
      fields: { password: 'field.passwordCommon' },
    });
  });
});
