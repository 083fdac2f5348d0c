import { escapeHtml } from '@kitajs/html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient, TEST_PASSWORD } from '../../../test/browser-client.js';
import { insertProduct } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { registerUser } from '../accounts/index.js';

/**
 * Storefront pages are rendered once per locale and URL for visitors who are not logged in
 * (ADR 0010). What must never happen: one visitor's CSRF token in another's page, a user's
 * name in a visitor's page, one language served for another.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await insertProduct(t.db, { slug: 'visitor-page-miner', name: 'Visitorpage Miner' });
});
afterAll(() => t.close());

const pages = ['/', '/categories/asic-miners', '/search?q=visitorpage', '/products/visitor-page-miner'];
const tokensIn = (body: string) => [
  ...new Set(
    [...body.replaceAll('&#34;', '"').matchAll(/(?:name="_csrf" value="|"x-csrf-token":")([^"]+)"/g)].map((m) => m[1]),
  ),
];

describe('visitor pages', () => {
  it("fill in each visitor's own CSRF token, which their forms can post", async () => {
    for (const url of pages) {
      const [a, b] = [new BrowserClient(t.app), new BrowserClient(t.app)];
      const [pageA, pageB] = [await a.get(url), await b.get(url)];
      expect(pageA.statusCode).toBe(200);
      expect(tokensIn(pageA.body)).toEqual([a.csrf]);
      expect(tokensIn(pageB.body)).toEqual([b.csrf]);
      expect(a.csrf).not.toBe(b.csrf);
      expect(pageA.body.replaceAll(a.csrf, '')).toBe(pageB.body.replaceAll(b.csrf, ''));
      // The token works for its own visitor and for nobody else.
      expect((await a.post('/locale', { locale: 'es', back: url })).statusCode).toBe(303);
      const stolen = await b.post('/locale', { locale: 'es', back: url, _csrf: a.csrf });
      expect(stolen.statusCode).toBe(403);
    }
  });

  it("never show a logged-in user's page to a visitor, nor a visitor's page to a user", async () => {
    const { client, user } = await loggedInClient(t.app, t.db);
    for (const url of pages) {
      expect((await client.get(url)).body).toContain(user.fullName);
      expect((await t.app.inject(url)).body).not.toContain(user.fullName);
      expect((await client.get(url)).body).toContain(user.fullName);
    }
  });

  it("logged in: one page per role, each user's own name (escaped) and token, never another's", async () => {
    const email = `odd.name.${process.pid}@example.test`;
    await registerUser(t.db, { email, fullName: 'Zoë <b>"Ops"</b> & Co', password: TEST_PASSWORD, role: 'customer' });
    const odd = new BrowserClient(t.app);
    await odd.login(email, TEST_PASSWORD);
    const { client: plain, user } = await loggedInClient(t.app, t.db);
    const { client: sales } = await loggedInClient(t.app, t.db, 'sales');
    for (const url of pages) {
      const [a, b] = [await odd.get(url), await plain.get(url)];
      expect(a.body).toContain(escapeHtml('Zoë <b>"Ops"</b> & Co'));
      expect(a.body).not.toContain('<b>"Ops"</b>');
      expect(a.body).not.toContain(user.fullName);
      expect(b.body).toContain(user.fullName);
      expect(b.body).not.toContain('Ops');
      expect(tokensIn(a.body)).toEqual([odd.csrf]);
      expect(tokensIn(b.body)).toEqual([plain.csrf]);
      // A customer has no back-office link; staff do.
      expect(b.body).not.toContain('href="/admin"');
      expect((await sales.get(url)).body).toContain('href="/admin"');
      // Their forms work with their own token.
      expect((await plain.post('/locale', { locale: 'en', back: url })).statusCode).toBe(303);
    }
  });

  it('keep one page per language', async () => {
    for (const url of pages) {
      const es = await t.app.inject({ url, headers: { 'accept-language': 'es' } });
      const en = await t.app.inject({ url, headers: { 'accept-language': 'en' } });
      expect(es.body).toContain('<html lang="es"');
      expect(en.body).toContain('<html lang="en"');
    }
  });

  it('do not keep a refused page: an unknown product answers 404 until it exists', async () => {
    expect((await t.app.inject('/products/visitor-page-later')).statusCode).toBe(404);
    await insertProduct(t.db, { slug: 'visitor-page-later' });
    await t.app.services.catalogCache.changed();
    expect((await t.app.inject('/products/visitor-page-later')).statusCode).toBe(200);
  });
});
