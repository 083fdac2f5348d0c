import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient, TEST_PASSWORD } from '../../../test/browser-client.js';
import { insertProduct } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { registerUser } from '../../modules/accounts/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let n = 0;
async function customer() {
  const email = `lang${++n}.${process.pid}@example.test`;
  await registerUser(t.db, { email, fullName: 'Lucía Gómez', password: TEST_PASSWORD, role: 'customer' });
  // No language cookie and an English browser: only the URL says Spanish.
  const client = new BrowserClient(t.app);
  await client.get('/es/login', { 'accept-language': 'en' });
  return { client, email };
}
const en = { 'accept-language': 'en' };

describe('a Spanish visitor stays in Spanish after a form post (ADR 0026)', () => {
  it('logging in under /es/ goes on to the Spanish page asked for, or the Spanish home', async () => {
    const a = await customer();
    const asked = await a.client.post('/es/login', { email: a.email, password: TEST_PASSWORD, next: '/orders' }, en);
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe('/es/orders');
    const b = await customer();
    const home = await b.client.post('/es/login', { email: b.email, password: TEST_PASSWORD }, en);
    expect(home.headers.location).toBe('/es/');
  });

  it('an English login is unchanged', async () => {
    const a = await customer();
    const res = await a.client.post('/login', { email: a.email, password: TEST_PASSWORD, next: '/orders' }, en);
    expect(res.headers.location).toBe('/orders');
  });

  it('a visitor sent to log in from a Spanish page, and the cart after adding from one, stay Spanish', async () => {
    const visitor = new BrowserClient(t.app);
    const orders = await visitor.get('/es/orders', en);
    expect(orders.statusCode).toBe(303);
    expect(orders.headers.location).toBe('/es/login?next=%2Forders');

    const { client } = await loggedInClient(t.app, t.db);
    const product = await insertProduct(t.db, { stock: 5 });
    const page = await client.get(`/es/products/${product.slug}`, en);
    expect(page.body).toContain('action="/es/cart/items"');
    const added = await client.post('/es/cart/items', { productId: product.id, quantity: 1 }, en);
    expect(added.headers.location).toBe('/es/cart');
    const cart = await client.get('/es/cart', en);
    expect(cart.body).toContain('action="/es/orders"');
  });

  it('staff logging in under /es/ answer the code in Spanish, then land in the back office', async () => {
    const { email } = await loggedInClient(t.app, t.db, 'sales');
    const client = new BrowserClient(t.app);
    await client.get('/es/login', en);
    const res = await client.post('/es/login', { email, password: TEST_PASSWORD }, en);
    expect(res.headers.location).toBe('/es/login/two-factor');
    const page = await client.get('/es/login/two-factor', en);
    expect(page.body).toContain('action="/es/login/two-factor"');
  });
});
