import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient, registrationToken, TEST_PASSWORD } from '../../../test/browser-client.js';
import { insertProduct } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { oneRow } from '../../platform/db/capped-count.js';
import { registerUser } from '../accounts/index.js';
import { addToCart, cartLines, cartLinesSql } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('My cart list', () => {
  it('reads the same lines as a subquery (JSON) as on its own, for statements that load other data with it', async () => {
    const { user } = await loggedInClient(t.app, t.db);
    const a = await insertProduct(t.db, { stock: 0, backorderAllowed: true, priceCents: 123_456 });
    const b = await insertProduct(t.db, { stock: 7, needsTesting: false });
    await addToCart(t.db, user.id, b.id, 2);
    await addToCart(t.db, user.id, a.id, 3);
    const [row] = await t.db.select({ lines: cartLinesSql(t.db, user.id) }).from(oneRow);
    const own = await cartLines(t.db, user.id);
    expect(own.map((l) => l.productId)).toEqual([b.id, a.id]);
    expect(row?.lines).toEqual(own);
    expect(row?.lines[0]?.addedAt).toBeInstanceOf(Date);
    const [empty] = await t.db.select({ lines: cartLinesSql(t.db, -1) }).from(oneRow);
    expect(empty?.lines).toEqual([]);
  });

  it('adds from the product page, shows lines and subtotal, changes and removes', async () => {
    const a = await insertProduct(t.db, { name: 'Cart Miner A', priceCents: 100_050, stock: 5 });
    const b = await insertProduct(t.db, { name: 'Cart Cable B', priceCents: 999, stock: 100, kind: 'general' });
    const { client, user } = await loggedInClient(t.app, t.db);
    await client.get(`/products/${a.slug}`);
    expect((await client.post('/cart/items', { productId: a.id, quantity: 2 })).headers.location).toBe('/cart');
    await client.post('/cart/items', { productId: b.id, quantity: 3 });
    let cart = await client.get('/cart');
    expect(cart.body).toContain('My cart list');
    expect(cart.body).toContain('Cart Miner A');
    expect(cart.body).toContain('$2,001.00');
    expect(cart.body).toContain('$2,030.97'); // 2 × 1,000.50 + 3 × 9.99
    await client.post(`/cart/items/${a.id}`, { quantity: 1 });
    cart = await client.get('/cart');
    expect(cart.body).toContain('$1,030.47');
    await client.post(`/cart/items/${b.id}/remove`);
    expect((await cartLines(t.db, user.id)).map((l) => l.productId)).toEqual([a.id]);
  });

  it('adding the same product again adds to the line', async () => {
    const p = await insertProduct(t.db, { stock: 10 });
    const { client, user } = await loggedInClient(t.app, t.db);
    await client.post('/cart/items', { productId: p.id, quantity: 2 });
    await client.post('/cart/items', { productId: p.id, quantity: 3 });
    expect((await cartLines(t.db, user.id))[0]?.quantity).toBe(5);
  });

  it('refuses zero, negative, non-numeric and above-stock quantities, cart unchanged', async () => {
    const p = await insertProduct(t.db, { stock: 3 });
    const { client, user } = await loggedInClient(t.app, t.db);
    for (const quantity of ['0', '-2', 'abc', '1.5', '']) {
      const res = await client.post('/cart/items', { productId: p.id, quantity });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('Enter a whole number of at least 1');
    }
    const over = await client.post('/cart/items', { productId: p.id, quantity: 4 });
    expect(over.statusCode).toBe(422);
    expect(over.body).toContain('Not enough stock for this quantity');
    expect(over.body).toContain('value="4"');
    expect(await cartLines(t.db, user.id)).toEqual([]);
    await client.post('/cart/items', { productId: p.id, quantity: 3 });
    const change = await client.post(`/cart/items/${p.id}`, { quantity: 9 });
    expect(change.statusCode).toBe(422);
    expect(change.body).toContain('Not enough stock');
    expect((await cartLines(t.db, user.id))[0]?.quantity).toBe(3);
  });

  it('allows any quantity on backorder products', async () => {
    const p = await insertProduct(t.db, { stock: 0, backorderAllowed: true });
    const { client, user } = await loggedInClient(t.app, t.db);
    expect((await client.post('/cart/items', { productId: p.id, quantity: 40 })).statusCode).toBe(303);
    expect((await cartLines(t.db, user.id))[0]?.quantity).toBe(40);
  });

  it('never lets concurrent adds exceed stock', async () => {
    const p = await insertProduct(t.db, { stock: 5 });
    const { client, user } = await loggedInClient(t.app, t.db);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => client.post('/cart/items', { productId: p.id, quantity: 1 })),
    );
    expect(results.filter((r) => r.statusCode === 303)).toHaveLength(5);
    expect((await cartLines(t.db, user.id))[0]?.quantity).toBe(5);
  });

  it('sends a visitor to log in and puts the item in the cart afterwards', async () => {
    const p = await insertProduct(t.db, { name: 'Visitor Pick', stock: 5 });
    await registerUser(t.db, { email: 'visitor@example.com', fullName: 'Vis Itor', password: TEST_PASSWORD });
    const v = new BrowserClient(t.app);
    await v.get(`/products/${p.slug}`);
    const add = await v.post('/cart/items', { productId: p.id, quantity: 2 });
    expect(add.statusCode).toBe(303);
    const loginUrl = add.headers.location as string;
    expect(loginUrl).toMatch(/^\/login\?/);
    const page = await v.get(loginUrl);
    expect(page.body).toContain(`name="addProduct" value="${p.id}"`);
    const login = await v.post('/login', {
      email: 'visitor@example.com',
      password: TEST_PASSWORD,
      addProduct: p.id,
      addQuantity: 2,
    });
    expect(login.headers.location).toBe('/cart');
    const cart = await v.get('/cart');
    expect(cart.body).toContain('Visitor Pick');
  });

  it('caps a line at 10,000 units on every path, with a clear message', async () => {
    const p = await insertProduct(t.db, { name: 'Capped Miner', stock: 0, backorderAllowed: true });
    const { client, user } = await loggedInClient(t.app, t.db);
    const tooMany = 'For more than 10,000 units, please contact us';
    // The product page's form.
    const form = await client.post('/cart/items', { productId: p.id, quantity: 10_001 });
    expect(form.statusCode).toBe(422);
    expect(form.body).toContain(tooMany);
    // Two adds that each fit but together do not.
    expect((await client.post('/cart/items', { productId: p.id, quantity: 6_000 })).statusCode).toBe(303);
    const second = await client.post('/cart/items', { productId: p.id, quantity: 6_000 });
    expect(second.statusCode).toBe(422);
    expect(second.body).toContain(tooMany);
    expect(second.body).toContain('value="6000"');
    // The cart's quantity field.
    const change = await client.post(`/cart/items/${p.id}`, { quantity: 20_000 });
    expect(change.statusCode).toBe(422);
    expect(change.body).toContain(tooMany);
    expect((await cartLines(t.db, user.id))[0]?.quantity).toBe(6_000);
    // The action itself, whoever calls it.
    const other = await loggedInClient(t.app, t.db);
    await expect(addToCart(t.db, other.user.id, p.id, 20_000)).rejects.toMatchObject({
      fields: { quantity: 'field.quantityTooLarge' },
    });
    expect(await cartLines(t.db, other.user.id)).toEqual([]);
  });

  it('caps the item a visitor carries through login and registration', async () => {
    const p = await insertProduct(t.db, { name: 'Carried Miner', stock: 0, backorderAllowed: true });
    for (const addQuantity of ['20000', '999999999']) {
      const email = `carry-${addQuantity}@example.com`;
      await registerUser(t.db, { email, fullName: 'Car Ried', password: TEST_PASSWORD });
      const v = new BrowserClient(t.app);
      const page = await v.get(`/login?addProduct=${p.id}&addQuantity=${addQuantity}`);
      expect(page.statusCode).toBe(200);
      const login = await v.post('/login', { email, password: TEST_PASSWORD, addProduct: p.id, addQuantity });
      // Logged in, and back on the product with what was asked for and why it was refused.
      expect(login.statusCode).toBe(422);
      expect(login.body).toContain('For more than 10,000 units, please contact us');
      expect(login.body).toContain(`value="${addQuantity}"`);
      expect(login.body).toContain('Carried Miner');
      expect((await v.get('/cart')).body).toContain('Your cart is empty');
    }
    // Registration carries the item to the e-mailed link; following it logs in and refuses the quantity.
    for (const addQuantity of ['20000', '999999999999']) {
      const r = new BrowserClient(t.app);
      const email = `carry-register-${addQuantity}@example.com`;
      await r.get('/register');
      const sent = await r.post('/register', {
        fullName: 'New Buyer',
        email,
        password: TEST_PASSWORD,
        addProduct: p.id,
        addQuantity,
      });
      expect(sent.statusCode).toBe(200);
      const token = await registrationToken(t.db, email);
      await r.get(`/register/confirm?token=${token}`);
      const reg = await r.post('/register/confirm', { token });
      expect(reg.statusCode).toBe(422);
      expect(reg.body).toContain('For more than 10,000 units, please contact us');
      expect(reg.body).toContain(`value="${addQuantity}"`);
      expect((await r.get('/cart')).body).toContain('Your cart is empty');
    }
  });

  it("does not touch another user's cart lines", async () => {
    const p = await insertProduct(t.db, { stock: 10 });
    const owner = await loggedInClient(t.app, t.db);
    const other = await loggedInClient(t.app, t.db);
    await owner.client.post('/cart/items', { productId: p.id, quantity: 2 });
    await other.client.post(`/cart/items/${p.id}/remove`);
    const change = await other.client.post(`/cart/items/${p.id}`, { quantity: 1 });
    expect(change.statusCode).toBe(404);
    expect((await cartLines(t.db, owner.user.id))[0]?.quantity).toBe(2);
  });

  it('reads the cart through JSON exactly as a plain select would, and shows it with its order form in one statement', async () => {
    const a = await insertProduct(t.db, { name: 'Json Miner', stock: 5 });
    const b = await insertProduct(t.db, { name: 'Json Cable', stock: 5, kind: 'general' });
    const { client, user } = await loggedInClient(t.app, t.db);
    await client.post('/cart/items', { productId: b.id, quantity: 1 });
    await client.post('/cart/items', { productId: a.id, quantity: 2 });
    const [viaJson] = await t.db.select({ lines: cartLinesSql(t.db, user.id) }).from(sql`(select 1) one`);
    const plain = await cartLines(t.db, user.id);
    expect(plain.map((l) => l.name)).toEqual(['Json Cable', 'Json Miner']);
    expect(viaJson!.lines).toEqual(plain);
    expect(viaJson!.lines[0]!.addedAt).toBeInstanceOf(Date);
    await client.get('/cart'); // settings cache warm
    const before = t.database.queries.count;
    const cart = await client.get('/cart');
    expect(cart.body).toContain('Json Miner');
    expect(cart.body).toContain('name="paymentMethodId"');
    // The session is cached: the lines, payment methods and saved address come in one statement (#18).
    expect(t.database.queries.count - before).toBe(1);
  });

  it('refuses an unknown product with 404', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    expect((await client.post('/cart/items', { productId: 999999, quantity: 1 })).statusCode).toBe(404);
  });
});
