import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { insertProduct } from '../../../test/factories.js';
import { placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { htmlText } from '../invoices/pdf-text.test-helper.js';
import { orders, savedAddresses } from './order.tables.js';

let t: TestApp;
let sales: BrowserClient;
beforeAll(async () => {
  t = await createTestApp();
  sales = (await loggedInClient(t.app, t.db, 'sales')).client;
  await sales.get('/admin');
});
afterAll(() => t.close());

const company = { company: 'Minería Castillo S.L.', taxId: 'ESB12345678' };

describe("the buyer's company and tax ID (issue #19)", () => {
  it('are optional fields of the checkout form, kept on the order and the saved address, offered again', async () => {
    const { client, user } = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(client, t.db, {
      form: { company: ` ${company.company} `, taxId: company.taxId },
    });
    const [order] = await t.db.select().from(orders).where(eq(orders.number, number));
    expect(order).toMatchObject(company);
    const [saved] = await t.db.select().from(savedAddresses).where(eq(savedAddresses.userId, user.id));
    expect(saved).toMatchObject(company);

    const product = await insertProduct(t.db, { stock: 3 });
    await client.post('/cart/items', { productId: product.id, quantity: 1 });
    const cart = await client.get('/cart', { 'accept-language': 'es' });
    expect(cart.body).toContain('name="company"');
    expect(cart.body).toContain(`value="${company.taxId}"`);
    expect(htmlText(cart.body)).toContain('Identificación fiscal');
  });

  it('leave both empty when not given, and refuse overlong values with the form kept', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(client, t.db);
    const [order] = await t.db.select().from(orders).where(eq(orders.number, number));
    expect(order).toMatchObject({ company: '', taxId: '' });
    await expect(placeOrder(client, t.db, { form: { taxId: 'X'.repeat(41) } })).rejects.toThrow(/422/);
  });

  it('are printed on the PI and shown on the staff order page', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(client, t.db, { form: company });
    await sales.get(`/admin/orders/${number}`);
    const quoted = await sales.post(`/admin/orders/${number}/freight`, { freight: '100', validDays: '7', note: '' });
    expect(quoted.statusCode).toBe(303);
    const pi = htmlText((await client.get(`/orders/${number}/pi`, { 'accept-language': 'en' })).body);
    expect(pi).toContain(company.company);
    expect(pi).toContain(`Tax ID: ${company.taxId}`);
    const piEs = htmlText((await client.get(`/orders/${number}/pi`, { 'accept-language': 'es' })).body);
    expect(piEs).toContain(`Identificación fiscal: ${company.taxId}`);
    const staff = htmlText((await sales.get(`/admin/orders/${number}`)).body);
    expect(staff).toContain(company.company);
    expect(staff).toContain(company.taxId);
  });
});
