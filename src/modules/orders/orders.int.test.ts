import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedInClient } from '../../../test/browser-client.js';
import { insertPaymentMethod, insertProduct } from '../../../test/factories.js';
import { address, newToken, placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { products } from '../../platform/db/schema.js';
import { cartLines } from '../cart/index.js';
import { orderEvents, orderLines, orders, savedAddresses } from './order.tables.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const stockOf = async (id: number) => (await t.db.select().from(products).where(eq(products.id, id)))[0]!.stock;
const orderByNumber = async (number: string) => (await t.db.select().from(orders).where(eq(orders.number, number)))[0]!;

describe('submitting an order from My cart list', () => {
  it('snapshots lines, reserves stock, empties the cart and lands in awaiting_quote', async () => {
    const { client, user } = await loggedInClient(t.app, t.db);
    const cart = await (async () => {
      const p = await insertProduct(t.db, { stock: 5 });
      await client.post('/cart/items', { productId: p.id, quantity: 2 });
      return p;
    })();
    const page = await client.get('/cart');
    expect(page.body).toContain('Submit order');
    expect(page.body).toContain('Shipping method');
    const method = await insertPaymentMethod(t.db);
    const res = await client.post('/orders', { token: newToken(), ...address, paymentMethodId: method.id });
    expect(res.statusCode).toBe(303);
    const number = String(res.headers.location).split('/').pop()!;
    expect(number).toMatch(/^HC-\d{4}-\d{6}$/);
    const order = await orderByNumber(number);
    expect(order.status).toBe('awaiting_quote');
    expect(order.goodsCents).toBe(600_000);
    expect(order.freightCents).toBeNull();
    const lines = await t.db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
    expect(lines).toMatchObject([
      { sku: cart.sku, unitPriceCents: 300_000, quantity: 2, backordered: false, needsTesting: true },
    ]);
    expect(await stockOf(cart.id)).toBe(3);
    expect(await cartLines(t.db, user.id)).toEqual([]);
    const view = await client.get(`/orders/${number}`);
    expect(view.body).toContain('Calculating shipping cost');
    expect(view.body).toContain('Being calculated');
    expect(view.body).toContain('Contact us on WhatsApp');
    expect(view.body).toContain(`Order%20${number}`.replace('Order%20', 'order%20'));
    const list = await client.get('/orders');
    expect(list.body).toContain(number);
  });

  it('creates one order when the same form is submitted twice', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    const p = await insertProduct(t.db, { stock: 5 });
    const method = await insertPaymentMethod(t.db);
    await client.post('/cart/items', { productId: p.id, quantity: 1 });
    const token = newToken();
    const form = { token, ...address, paymentMethodId: String(method.id) };
    const [a, b] = await Promise.all([client.post('/orders', form), client.post('/orders', form)]);
    const c = await client.post('/orders', form); // a retry after a timeout
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([303, 303, 303]);
    expect(new Set([a.headers.location, b.headers.location, c.headers.location]).size).toBe(1);
    expect(await stockOf(p.id)).toBe(4);
  });

  it('flags backordered lines and never oversells the last units under concurrent orders', async () => {
    const scarce = await insertProduct(t.db, { stock: 3 });
    const method = await insertPaymentMethod(t.db);
    const buyers = await Promise.all(Array.from({ length: 5 }, () => loggedInClient(t.app, t.db)));
    for (const b of buyers) await b.client.post('/cart/items', { productId: scarce.id, quantity: 1 });
    const results = await Promise.all(
      buyers.map((b) => b.client.post('/orders', { token: newToken(), ...address, paymentMethodId: method.id })),
    );
    expect(results.filter((r) => r.statusCode === 303)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 422)).toHaveLength(2);
    expect(await stockOf(scarce.id)).toBe(0);
    // A refused buyer is told why and keeps the cart; nothing of the refused order was written.
    for (const [i, r] of results.entries()) {
      if (r.statusCode !== 422) continue;
      expect(r.body).toContain('no longer has enough stock');
      const { user } = buyers[i]!;
      expect(await cartLines(t.db, user.id)).toHaveLength(1);
      expect(await t.db.select().from(orders).where(eq(orders.customerId, user.id))).toEqual([]);
      expect(await t.db.select().from(savedAddresses).where(eq(savedAddresses.userId, user.id))).toEqual([]);
    }

    const backorder = await insertProduct(t.db, { stock: 1, backorderAllowed: true });
    const { client } = await loggedInClient(t.app, t.db);
    await client.post('/cart/items', { productId: backorder.id, quantity: 4 });
    const res = await client.post('/orders', { token: newToken(), ...address, paymentMethodId: method.id });
    const order = await orderByNumber(String(res.headers.location).split('/').pop()!);
    const [line] = await t.db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
    expect(line?.backordered).toBe(true);
    expect(await stockOf(backorder.id)).toBe(1);
  });

  it('explains bad input beside the fields, keeps what was typed, and changes nothing', async () => {
    const { client, user } = await loggedInClient(t.app, t.db);
    const p = await insertProduct(t.db, { stock: 5 });
    const lc = await insertPaymentMethod(t.db, { name: 'Letter of credit', largeOrderOnly: true });
    await client.post('/cart/items', { productId: p.id, quantity: 1 });
    const res = await client.post('/orders', {
      token: newToken(),
      ...address,
      phone: 'call me',
      city: '',
      address: 'Calle <b>Mayor</b> 1',
      shippingMethod: 'sea_freight',
      paymentMethodId: lc.id,
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Enter a phone number with country code');
    expect(res.body).toContain('This field is required');
    expect(res.body).toContain('value="Calle <b>Mayor</b> 1"'); // attribute values escape quotes; markup stays inert there
    const sea = await client.post('/orders', {
      token: newToken(),
      ...address,
      shippingMethod: 'sea_freight',
      paymentMethodId: lc.id,
    });
    expect(sea.statusCode).toBe(422);
    expect(sea.body).toContain('only available for orders over US$50,000');
    expect(sea.body).toContain('This payment method is not available for this order');
    expect(await cartLines(t.db, user.id)).toHaveLength(1);
    expect(await stockOf(p.id)).toBe(5);
  });

  it('opens sea freight and L/C for goods over US$50,000', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    const lc = await insertPaymentMethod(t.db, { name: 'Letter of credit', largeOrderOnly: true });
    const { number } = await placeOrder(client, t.db, {
      priceCents: 2_600_000,
      quantity: 2,
      methodId: lc.id,
      form: { shippingMethod: 'sea_freight' },
    });
    expect((await orderByNumber(number)).shippingMethod).toBe('sea_freight');
  });

  it('refuses destinations not shipped to, and asks to acknowledge crypto restrictions', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    const p = await insertProduct(t.db, { stock: 5 });
    const method = await insertPaymentMethod(t.db);
    await client.post('/cart/items', { productId: p.id, quantity: 1 });
    const embargoed = await client.post('/orders', {
      token: newToken(),
      ...address,
      country: 'KP',
      paymentMethodId: method.id,
    });
    expect(embargoed.body).toContain('We do not ship to this country');
    const restricted = await client.post('/orders', {
      token: newToken(),
      ...address,
      country: 'CN',
      paymentMethodId: method.id,
    });
    expect(restricted.body).toContain('please confirm you may import the goods');
    const acknowledged = await client.post('/orders', {
      token: newToken(),
      ...address,
      country: 'CN',
      paymentMethodId: method.id,
      cryptoAcknowledged: 'on',
    });
    expect(acknowledged.statusCode).toBe(303);
  });

  it('ignores posted totals and status: prices come from the catalog', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(client, t.db, {
      priceCents: 123_456,
      quantity: 1,
      form: { status: 'completed', totalCents: '1', goodsCents: '1' },
    });
    const order = await orderByNumber(number);
    expect(order.status).toBe('awaiting_quote');
    expect(order.goodsCents).toBe(123_456);
  });

  it('records the submission on the timeline', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(client, t.db);
    const order = await orderByNumber(number);
    const events = await t.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
    expect(events.map((e) => [e.event, e.toStatus])).toEqual([['submitOrder', 'awaiting_quote']]);
  });
});

describe('privacy', () => {
  it("answers 404 for another customer's order, its API, messages and actions", async () => {
    const owner = await loggedInClient(t.app, t.db);
    const other = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(owner.client, t.db);
    for (const url of [`/orders/${number}`, `/api/v1/orders/${number}`, `/orders/${number}/live`]) {
      expect((await other.client.get(url)).statusCode).toBe(404);
    }
    expect((await other.client.post(`/orders/${number}/events/cancelByCustomer`)).statusCode).toBe(404);
    expect((await other.client.post(`/orders/${number}/messages`, { body: 'hi' })).statusCode).toBe(404);
    expect((await orderByNumber(number)).status).toBe('awaiting_quote');
  });

  it('keeps customers out of the back office', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(client, t.db);
    expect((await client.get('/admin/orders')).statusCode).toBe(403);
    expect((await client.get(`/admin/orders/${number}`)).statusCode).toBe(403);
    expect((await client.post(`/admin/orders/${number}/freight`, { freight: '100' })).statusCode).toBe(403);
  });
});
