import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { insertPaymentMethod, insertProduct } from '../../../test/factories.js';
import { address, newToken, placeOrder, png, today, uploadProof } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { paymentProofs } from '../../platform/db/schema.js';
import { orderLinesOf } from './index.js';
import { orders } from './order.tables.js';

let t: TestApp;
let sales: BrowserClient;
let finance: BrowserClient;
beforeAll(async () => {
  t = await createTestApp();
  sales = (await loggedInClient(t.app, t.db, 'sales')).client;
  finance = (await loggedInClient(t.app, t.db, 'finance')).client;
  await sales.get('/admin');
  await finance.get('/admin');
});
afterAll(() => t.close());

const order = async (number: string) => (await t.db.select().from(orders).where(eq(orders.number, number)))[0]!;

describe('money past 2^31 cents, and amounts with a ceiling', () => {
  it('orders, quotes and takes payment for 1,900 units at US$11,500 (US$21.85 million)', async () => {
    const buyer = (await loggedInClient(t.app, t.db)).client;
    const method = await insertPaymentMethod(t.db);
    const p = await insertProduct(t.db, { priceCents: 1_150_000, stock: 2_000 });
    expect((await buyer.post('/cart/items', { productId: p.id, quantity: 1_900 })).statusCode).toBe(303);
    const cart = await buyer.get('/cart');
    expect(cart.body).toContain('$21,850,000.00');
    const res = await buyer.post('/orders', { token: newToken(), ...address, paymentMethodId: method.id });
    expect(res.statusCode).toBe(303);
    const number = String(res.headers.location).replace('/orders/', '');
    expect((await order(number)).goodsCents).toBe(2_185_000_000);

    await sales.get(`/admin/orders/${number}`);
    const quote = await sales.post(`/admin/orders/${number}/freight`, { freight: '25000', validDays: '7' });
    expect(quote.statusCode).toBe(303);
    const quoted = await order(number);
    expect(quoted.totalCents).toBe(2_187_500_000);
    expect(typeof quoted.totalCents).toBe('number');

    expect((await buyer.get(`/orders/${number}`)).body).toContain('$21,875,000.00');
    const pi = await buyer.get(`/orders/${number}/pi`);
    expect(pi.statusCode).toBe(200);
    expect(pi.body).toContain('21,875,000.00');
    const up = await uploadProof(
      t.app,
      buyer,
      number,
      { amount: '21875000.00', reference: 'SWIFT-BIG-1', paidOn: today() },
      { name: 'slip.png', type: 'image/png', data: png(Math.random()) },
    );
    expect(up.statusCode).toBe(303);
    const [proof] = await t.db.select().from(paymentProofs).where(eq(paymentProofs.orderId, quoted.id));
    expect(proof!.amountCents).toBe(2_187_500_000);
    await finance.get(`/admin/orders/${number}`);
    expect((await finance.post(`/admin/orders/${number}/proofs/${proof!.id}/approve`)).statusCode).toBe(303);
    const paid = await order(number);
    expect(paid).toMatchObject({ status: 'ready_to_ship', paidCents: 2_187_500_000 });
    const api = (await buyer.get(`/api/v1/orders/${number}`)).json();
    expect(api).toMatchObject({ goodsCents: 2_185_000_000, totalCents: 2_187_500_000, paidCents: 2_187_500_000 });
  });

  it('refuses freight and line prices above US$1,000,000 with a clear message, keeping what was typed', async () => {
    const buyer = (await loggedInClient(t.app, t.db)).client;
    const { number } = await placeOrder(buyer, t.db);
    const [line] = await orderLinesOf(t.db, (await order(number)).id);
    await sales.get(`/admin/orders/${number}`);
    const freight = await sales.post(`/admin/orders/${number}/freight`, { freight: '9999999999', validDays: '7' });
    expect(freight.statusCode).toBe(422);
    expect(freight.body).toContain('Enter at most $1,000,000.00');
    expect(freight.body).toContain('value="9999999999"');
    const price = await sales.post(`/admin/orders/${number}/freight`, {
      freight: '450',
      validDays: '7',
      [`price_${line!.id}`]: '1000000.01',
    });
    expect(price.statusCode).toBe(422);
    expect(price.body).toContain('Enter at most $1,000,000.00');
    expect(price.body).toContain('value="1000000.01"');
    expect((await order(number)).status).toBe('awaiting_quote');
    // The ceiling itself is allowed.
    expect(
      (await sales.post(`/admin/orders/${number}/freight`, { freight: '1,000,000.00', validDays: '7' })).statusCode,
    ).toBe(303);
  });

  it('takes a proof of US$21,474,837 and refuses one above US$100,000,000 with a clear message', async () => {
    const buyer = (await loggedInClient(t.app, t.db)).client;
    const { number } = await placeOrder(buyer, t.db);
    await sales.get(`/admin/orders/${number}`);
    await sales.post(`/admin/orders/${number}/freight`, { freight: '450', validDays: '7' });
    await buyer.get(`/orders/${number}`);
    const proof = (amount: string) =>
      uploadProof(
        t.app,
        buyer,
        number,
        { amount, reference: 'SWIFT-123', paidOn: today() },
        { name: 'slip.png', type: 'image/png', data: png(Math.random()) },
      );
    const huge = await proof('100000000.01');
    expect(huge.statusCode).toBe(422);
    expect(huge.body).toContain('Enter at most $100,000,000.00');
    expect(huge.body).toContain('value="100000000.01"');
    expect((await proof('21474837')).statusCode).toBe(303);
    const [row] = await t.db
      .select()
      .from(paymentProofs)
      .where(eq(paymentProofs.orderId, (await order(number)).id));
    expect(row!.amountCents).toBe(2_147_483_700);
  });
});
