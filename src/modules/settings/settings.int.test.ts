import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { getSettings } from './index.js';

let t: TestApp;
let admin: BrowserClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await loggedInClient(t.app, t.db, 'admin')).client;
  await admin.get('/admin/settings');
});
afterAll(() => t.close());

/** Posts a form with repeated keys (ticked checkboxes), as a browser does. */
function postForm(client: BrowserClient, url: string, fields: [string, string][]) {
  const body = new URLSearchParams([['_csrf', client.csrf], ...fields]);
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: client.ip,
    payload: body.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: client.cookieHeader },
  });
}

const valid = (overrides: Record<string, string> = {}): [string, string][] => [
  ...Object.entries({
    sellerName: 'Hashcart Trading HK',
    sellerAddress: 'Unit 1, 2/F, 3 Harbour Road\r\nWan Chai, Hong Kong',
    sellerEmail: 'billing@hashcart.example',
    sellerPhone: '+852 3111 2222',
    whatsappNumber: '+852 9111 2222',
    paymentDeadlineHours: '48',
    autoCompleteDays: '20',
    cryptoRestrictionMode: 'block',
    ...overrides,
  }),
  ['destinations', 'ES'],
  ['destinations', 'US'],
  ['destinations', 'DE'],
  ['cryptoRestricted', 'CN'],
];

describe('/admin/settings', () => {
  it('shows the current settings with country names', async () => {
    const res = await admin.get('/admin/settings');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Seller name');
    expect(res.body).toContain('value="72"');
    expect(res.body).toContain('Does not ship to: Cuba, Iran, North Korea, Syria');
    expect(res.body).toMatch(/name="cryptoRestricted" value="CN" checked/);
    expect(res.body).toContain('href="/admin/settings" aria-current="page"');
  });

  it('saves every field', async () => {
    const res = await postForm(admin, '/admin/settings', valid());
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/settings?saved=1');
    const s = await getSettings(t.db);
    expect(s).toMatchObject({
      sellerName: 'Hashcart Trading HK',
      sellerAddress: 'Unit 1, 2/F, 3 Harbour Road\r\nWan Chai, Hong Kong',
      paymentDeadlineHours: 48,
      autoCompleteDays: 20,
      destinations: ['ES', 'US', 'DE'],
      cryptoRestricted: ['CN'],
      cryptoRestrictionMode: 'block',
    });
    const page = await admin.get('/admin/settings?saved=1');
    expect(page.body).toContain('Settings saved.');
    expect(page.body).toContain('Ships only to: Germany, Spain, United States');
  });

  it('refuses bad values with messages beside the fields and keeps what was typed', async () => {
    const before = await getSettings(t.db);
    const body = valid({
      sellerName: 'Typed "quoted" name',
      sellerEmail: 'not-an-email',
      paymentDeadlineHours: '0',
      autoCompleteDays: 'ten',
    }).filter(([k]) => k !== 'destinations');
    body.push(['cryptoRestricted', 'XX']);
    const res = await postForm(admin, '/admin/settings', body);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('id="f-sellerEmail-error"');
    expect(res.body).toContain('Enter a valid e-mail address');
    expect(res.body).toContain('Enter a whole number of hours from 1 to 720');
    expect(res.body).toContain('Enter a whole number of days from 4 to 90');
    expect(res.body).toContain('Choose at least one destination');
    expect(res.body).toContain('Choose a country from the list');
    // Typed values come back, escaped.
    expect(res.body).toContain('value="Typed &#34;quoted&#34; name"');
    expect(res.body).toContain('value="ten"');
    expect(res.body).toMatch(/name="cryptoRestricted" value="CN" checked/);
    expect(await getSettings(t.db)).toEqual(before);
  });

  it('ignores fields the form does not declare', async () => {
    const res = await postForm(admin, '/admin/settings', [...valid(), ['role', 'admin'], ['unknownKey', 'x']]);
    expect(res.statusCode).toBe(303);
    expect(Object.keys(await getSettings(t.db))).not.toContain('unknownKey');
  });

  it('is for admins only', async () => {
    for (const role of ['customer', 'finance', 'sales'] as const) {
      const { client } = await loggedInClient(t.app, t.db, role);
      expect((await client.get('/admin/settings')).statusCode).toBe(403);
      await client.get('/');
      expect((await postForm(client, '/admin/settings', valid({ sellerName: 'Hijacked' }))).statusCode).toBe(403);
    }
    expect((await getSettings(t.db)).sellerName).not.toBe('Hijacked');
    const finance = (await loggedInClient(t.app, t.db, 'finance')).client;
    const dash = await finance.get('/admin');
    expect(dash.body).not.toContain('href="/admin/settings"');
    expect(dash.body).toContain('href="/admin/payment-methods"');
    const visitor = await t.app.inject({ method: 'GET', url: '/admin/settings' });
    expect(visitor.statusCode).toBe(303);
  });
});
