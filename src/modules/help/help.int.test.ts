import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { LARGE_ORDER_CENTS } from '../orders/order.rules.js';
import { saveSettings } from '../settings/index.js';
import { leadTimes, transitDays } from '../shipping/index.js';
import { afterSalesPolicy, helpSlugs } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('help centre', () => {
  it('serves every page in English and Spanish, with the WhatsApp link', async () => {
    const visitor = new BrowserClient(t.app);
    const index = await visitor.get('/help');
    expect(index.statusCode).toBe(200);
    for (const slug of helpSlugs) expect(index.body).toContain(`href="/help/${slug}"`);
    for (const slug of helpSlugs) {
      const en = await visitor.get(`/help/${slug}`);
      expect(en.statusCode, slug).toBe(200);
      expect(en.body).toContain('Contact us on WhatsApp');
      expect(en.body).not.toMatch(/\{\{\w+\}\}/);
      const es = await visitor.get(`/help/${slug}`, { 'accept-language': 'es' });
      expect(es.body).toContain('Contáctenos por WhatsApp');
    }
    expect((await visitor.get('/help/nope')).statusCode).toBe(404);
    expect((await visitor.get('/')).body).toContain('href="/help"');
  });

  it('quotes the numbers the code runs on', async () => {
    const visitor = new BrowserClient(t.app);
    const shipping = (await visitor.get('/help/shipping')).body;
    expect(shipping).toContain(`${leadTimes.inStock.min}–${leadTimes.inStock.max} days`);
    expect(shipping).toContain(`${transitDays.air_express.min}–${transitDays.air_express.max} days`);
    expect(shipping).toContain(`${leadTimes.trackingOverdueDays} days</strong> after approval`);
    expect(shipping).toContain(`US$${(LARGE_ORDER_CENTS / 100).toLocaleString('en-US')}`);
    const afterSales = (await visitor.get('/help/after-sales')).body;
    expect(afterSales).toContain(`within <strong>${afterSalesPolicy.repairCenterAssignDays} days</strong>`);
    const howToBuy = (await visitor.get('/help/how-to-buy')).body;
    expect(howToBuy.match(/<li>/g)?.length).toBeGreaterThanOrEqual(10);

    // A setting staff change shows up in the prose at once.
    const admin = await loggedInClient(t.app, t.db, 'admin');
    await saveSettings(t.db, { paymentDeadlineHours: 53 }, admin.user.id);
    expect((await visitor.get('/help/payment')).body).toContain('<strong>53 hours</strong>');
  });

  it('lets admins edit the prose per locale, with HTML shown as text, and reset it', async () => {
    const { client } = await loggedInClient(t.app, t.db, 'admin');
    const list = await client.get('/admin/help');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/admin/help/terms/es"');
    const markdown =
      '## Our terms\n\nShips in {{inStockMin}} days. <script>alert(1)</script> <b>bold?</b>\n\n[click](javascript:alert(1))';
    expect((await client.post('/admin/help/terms/en', { markdown })).statusCode).toBe(303);
    const visitor = new BrowserClient(t.app);
    const page = (await visitor.get('/help/terms')).body;
    expect(page).toContain('<h2>Our terms</h2>');
    expect(page).toContain(`Ships in ${leadTimes.inStock.min} days.`);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<b>bold?</b>');
    expect(page).not.toContain('href="javascript:');
    // Spanish keeps its default.
    expect((await visitor.get('/help/terms', { 'accept-language': 'es' })).body).toContain(
      'Condiciones de venta (resumen)',
    );

    const empty = await client.post('/admin/help/terms/en', { markdown: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('This field is required');

    expect((await client.post('/admin/help/terms/en/reset')).statusCode).toBe(303);
    expect((await visitor.get('/help/terms')).body).toContain('Terms of sale (summary)');
    expect((await client.get('/admin/help/nope/en')).statusCode).toBe(404);
    expect((await client.get('/admin/help/terms/fr')).statusCode).toBe(404);
  });

  it('keeps the editor to admins', async () => {
    for (const role of ['customer', 'support', 'sales'] as const) {
      const { client } = await loggedInClient(t.app, t.db, role);
      expect((await client.get('/admin/help')).statusCode).toBe(403);
      expect((await client.post('/admin/help/terms/en', { markdown: 'hacked' })).statusCode).toBe(403);
    }
    expect((await new BrowserClient(t.app).get('/help/terms')).body).not.toContain('hacked');
  });

  it('sends "Contact us on WhatsApp" to the configured number, with the order number', async () => {
    const admin = await loggedInClient(t.app, t.db, 'admin');
    await saveSettings(t.db, { whatsappNumber: '+852 6123 4567' }, admin.user.id);
    const visitor = new BrowserClient(t.app);
    const plain = await visitor.get('/contact/whatsapp');
    expect(plain.statusCode).toBe(302);
    expect(plain.headers.location).toBe('https://wa.me/85261234567');
    const order = await visitor.get('/contact/whatsapp?order=HC-2026-0042');
    expect(order.headers.location).toBe('https://wa.me/85261234567?text=Hello%2C%20about%20my%20order%20HC-2026-0042');
    const odd = await visitor.get('/contact/whatsapp?order=%3Cscript%3E');
    expect(odd.headers.location).toBe('https://wa.me/85261234567');
  });
});
