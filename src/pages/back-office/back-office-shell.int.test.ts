import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedInClient } from '../../../test/browser-client.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { htmlText } from '../../modules/invoices/pdf-text.test-helper.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const menuOf = (html: string) => /<nav class="admin-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';

describe('back-office shell', () => {
  it('replaces the storefront header: own search, the staff member, log out, a way back to the shop', async () => {
    const { client, user } = await loggedInClient(t.app, t.db, 'finance');
    for (const url of ['/admin', '/admin/orders', '/admin/refunds', '/admin/search?q=abc']) {
      const page = await client.get(url);
      expect(page.statusCode, url).toBe(200);
      // No storefront header: neither its product search nor its category menu.
      expect(page.body).not.toContain('action="/search"');
      expect(page.body).not.toContain('class="site-header"');
      expect(page.body).not.toContain('class="category-nav"');
      expect(page.body).toContain('action="/admin/search"');
      expect(page.body).toContain('<a href="/">Storefront</a>');
      expect(page.body).toContain(user!.fullName);
      expect(page.body).toContain('action="/logout"');
      expect(page.body).toContain('Log out');
      // Shortcuts: a script from /assets (CSP script-src 'self', nothing inline) and their list.
      expect(page.body).toContain('<script type="module" src="/assets/back-office-keys.js"></script>');
      expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(page.body).toContain('id="bo-keys"');
    }
    const search = await client.get('/admin/search?q=abc');
    expect(search.body).toMatch(/id="admin-q"[^>]*value="abc"/);
  });

  it('shows each role its menu with the shortcut letters, the current section marked', async () => {
    const { client } = await loggedInClient(t.app, t.db, 'finance');
    const page = await client.get('/admin/refunds');
    const menu = menuOf(page.body);
    expect(menu).toContain('href="/admin/refunds" aria-current="page" data-go="r"');
    expect(menu).toContain('href="/admin/orders" data-go="o"');
    expect(menu).not.toContain('/admin/products');
    expect(menu).not.toContain('/admin/users');
    const dialog = htmlText(/<dialog[\s\S]*?<\/dialog>/.exec(page.body)![0]);
    expect(dialog).toContain('/ Focus the back-office search');
    expect(dialog).toContain('g o Orders');
    expect(dialog).toContain('g r Refunds due');
    expect(dialog).not.toContain('g p');

    const admin = (await loggedInClient(t.app, t.db, 'admin')).client;
    const adminMenu = menuOf((await admin.get('/admin/orders/all')).body);
    expect(adminMenu).toContain('href="/admin/orders" aria-current="page" data-go="o"');
    expect(adminMenu).toContain('href="/admin/products" data-go="p"');
    expect(adminMenu).toContain('href="/admin/users" data-go="u"');
  });

  it('speaks the staff member’s language', async () => {
    const { client } = await loggedInClient(t.app, t.db, 'sales');
    await client.get('/admin');
    await client.post('/locale', { locale: 'es', back: '/admin' });
    const page = await client.get('/admin');
    expect(page.body).toContain('<a href="/">Tienda</a>');
    expect(page.body).toContain('Atajos de teclado');
    expect(page.body).toContain('Cerrar sesión');
  });

  it('the shop keeps its own header for staff, with the way into the back office', async () => {
    const { client } = await loggedInClient(t.app, t.db, 'sales');
    const home = await client.get('/');
    expect(home.body).toContain('action="/search"');
    expect(home.body).toContain('<a href="/admin">Back office</a>');
    expect(home.body).not.toContain('back-office-keys.js');
  });

  it('serves the shortcuts script as JavaScript', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/back-office-keys.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.body).toContain('export function shortcutStep');
  });
});
