import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedInClient } from '../../../test/browser-client.js';
import { insertPaymentMethod, insertProduct } from '../../../test/factories.js';
import { address, newToken } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { cartItems, outboxMessages, products } from '../../platform/db/schema.js';
import type { ActionContext } from '../../platform/effects.js';
import { cartLines } from '../cart/index.js';
import { submitOrder } from './actions/submit-order.js';
import { submitOrderInput } from './order.inputs.js';
import { orderEvents, orderLines, orderSubmissions, orders, savedAddresses } from './order.tables.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const stockOf = async (id: number) => (await t.db.select().from(products).where(eq(products.id, id)))[0]!.stock;

describe('order submission in few statements (#7)', () => {
  it('writes a multi-line order with everything that hangs off it, in a bounded number of statements', async () => {
    const { client, user } = await loggedInClient(t.app, t.db);
    await loggedInClient(t.app, t.db, 'sales');
    const method = await insertPaymentMethod(t.db);
    // Added out of id order: the lines are still all reserved and snapshotted.
    const b = await insertProduct(t.db, { stock: 4, priceCents: 50_000 });
    const a = await insertProduct(t.db, { stock: 0, backorderAllowed: true, priceCents: 20_000 });
    await client.post('/cart/items', { productId: b.id, quantity: 3 });
    await client.post('/cart/items', { productId: a.id, quantity: 2 });
    await client.get('/cart');

    const before = t.database.queries.count;
    const token = newToken();
    const res = await client.post('/orders', { token, ...address, fullName: 'Li Wei', paymentMethodId: method.id });
    const statements = t.database.queries.count - before;
    expect(res.statusCode).toBe(303);
    // payment method with the cart (one statement, before BEGIN), begin, the order with its claim, lines,
    // stock and ledger in one statement, commit: 4 (was 8: method, claim, cart, order, lines, stock apart).
    // PGlite does not count BEGIN and COMMIT; the session and the settings come from their caches.
    expect(statements).toBeLessThanOrEqual(4);

    const number = String(res.headers.location).split('/').pop()!;
    const [order] = await t.db.select().from(orders).where(eq(orders.number, number));
    expect(order).toMatchObject({
      customerId: user.id,
      status: 'awaiting_quote',
      goodsCents: 190_000,
      fullName: 'Li Wei',
      email: user.email,
    });
    const lines = await t.db.select().from(orderLines).where(eq(orderLines.orderId, order!.id));
    expect(
      lines.map((l) => [l.productId, l.quantity, l.unitPriceCents, l.listPriceCents, l.backordered]).sort(),
    ).toEqual(
      [
        [a.id, 2, 20_000, 20_000, true],
        [b.id, 3, 50_000, 50_000, false],
      ].sort(),
    );
    expect(await stockOf(b.id)).toBe(1);
    expect(await stockOf(a.id)).toBe(0);
    expect(await cartLines(t.db, user.id)).toEqual([]);
    const [claim] = await t.db.select().from(orderSubmissions).where(eq(orderSubmissions.token, token));
    expect(claim?.orderId).toBe(order!.id);
    const events = await t.db.select().from(orderEvents).where(eq(orderEvents.orderId, order!.id));
    expect(events).toMatchObject([
      { event: 'submitOrder', fromStatus: null, toStatus: 'awaiting_quote', actorId: user.id, actorRole: 'customer' },
    ]);
    const [saved] = await t.db.select().from(savedAddresses).where(eq(savedAddresses.userId, user.id));
    expect(saved).toMatchObject({ fullName: 'Li Wei', city: address.city, postalCode: address.postalCode });
    // The next order form starts from the saved address.
    await client.post('/cart/items', { productId: b.id, quantity: 1 });
    const next = await client.get('/cart');
    expect(next.body).toContain('value="Li Wei"');
    expect(next.body).toContain(`value="${address.postalCode}"`);
    const mail = await t.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.subject, `New order ${number}: freight to quote`));
    expect(mail.length).toBeGreaterThanOrEqual(1);
    expect(mail[0]?.body).toBe(`Order ${number} from Li Wei (ES) is waiting for a freight quote.`);
  });

  it('serves the cart page with its order form in a bounded number of statements', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    const first = await insertPaymentMethod(t.db, { name: 'Second by sort order', sortOrder: 2 });
    await insertPaymentMethod(t.db, { name: 'First by sort order', sortOrder: 1 });
    await insertPaymentMethod(t.db, { name: 'Switched off', active: false });
    const p = await insertProduct(t.db, { stock: 5 });
    await client.post('/cart/items', { productId: p.id, quantity: 1 });
    await client.get('/cart'); // settings cache warm
    const before = t.database.queries.count;
    const page = await client.get('/cart');
    expect(t.database.queries.count - before).toBeLessThanOrEqual(3); // session, cart lines, payment methods + saved address
    expect(page.body.indexOf('First by sort order')).toBeLessThan(page.body.indexOf('Second by sort order'));
    expect(page.body).not.toContain('Switched off');
    expect(page.body).toContain(`value="${first.id}"`);
  });

  it('rolls the whole order back when one line cannot be reserved', async () => {
    const { client, user } = await loggedInClient(t.app, t.db);
    const method = await insertPaymentMethod(t.db);
    const plenty = await insertProduct(t.db, { stock: 10 });
    const scarce = await insertProduct(t.db, { stock: 2 });
    await client.post('/cart/items', { productId: plenty.id, quantity: 1 });
    await client.post('/cart/items', { productId: scarce.id, quantity: 2 });
    await t.db.update(products).set({ stock: 1 }).where(eq(products.id, scarce.id)); // sold elsewhere meanwhile
    const token = newToken();
    const res = await client.post('/orders', { token, ...address, paymentMethodId: method.id });
    expect(res.statusCode).toBe(422);
    expect(await stockOf(plenty.id)).toBe(10);
    expect(await stockOf(scarce.id)).toBe(1);
    expect(await cartLines(t.db, user.id)).toHaveLength(2);
    expect(await t.db.select().from(orders).where(eq(orders.customerId, user.id))).toEqual([]);
    // The token was not kept: fixing the cart and submitting the same form works.
    expect(await t.db.select().from(orderSubmissions).where(eq(orderSubmissions.token, token))).toEqual([]);
  });

  it('refuses a cart line above the cap written before the cap existed, with a clear message', async () => {
    const { client, user } = await loggedInClient(t.app, t.db);
    const method = await insertPaymentMethod(t.db);
    const p = await insertProduct(t.db, { stock: 0, backorderAllowed: true });
    await t.db.insert(cartItems).values({ userId: user.id, productId: p.id, quantity: 20_000 });
    await client.get('/cart');
    const res = await client.post('/orders', { token: newToken(), ...address, paymentMethodId: method.id });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('more than 10,000 units');
    expect(res.body).toContain(`value="${address.city}"`);
    expect(await t.db.select().from(orders).where(eq(orders.customerId, user.id))).toEqual([]);
  });

  it('a second tab submitting later sees that the cart was already ordered, with a link to the order', async () => {
    const { client, user } = await loggedInClient(t.app, t.db);
    const method = await insertPaymentMethod(t.db);
    const p = await insertProduct(t.db, { stock: 10 });
    await client.post('/cart/items', { productId: p.id, quantity: 1 });
    const [a, b] = [(await client.get('/cart')).body, (await client.get('/cart')).body];
    const submit = (body: string) =>
      client.post('/orders', { ...hiddenFields(body), ...address, paymentMethodId: method.id });
    const first = await submit(a);
    expect(first.statusCode).toBe(303);
    const second = await submit(b);
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('This cart was already ordered.');
    expect(second.body).toContain(`href="${first.headers.location}"`);
    expect(await t.db.select().from(orders).where(eq(orders.customerId, user.id))).toHaveLength(1);
    expect(await stockOf(p.id)).toBe(9);
    // The old form on a cart filled again afterwards does not order what it never showed.
    await client.post('/cart/items', { productId: p.id, quantity: 2 });
    const stale = await submit(b);
    expect(stale.statusCode).toBe(422);
    expect(stale.body).toContain('Your cart changed since this page was shown');
    expect(await t.db.select().from(orders).where(eq(orders.customerId, user.id))).toHaveLength(1);
    expect((await submit(stale.body)).statusCode).toBe(303);
  });
});

describe('a cart read before the transaction (ADR 0039)', () => {
  it('orders no line that changed after it was read (another tab), and says the cart changed', async () => {
    const { client, user } = await loggedInClient(t.app, t.db);
    const method = await insertPaymentMethod(t.db);
    const p = await insertProduct(t.db, { stock: 10 });
    await client.post('/cart/items', { productId: p.id, quantity: 1 });
    // Another tab sets the line to 3 between the submission's read of the cart and its BEGIN.
    const actions: ActionContext = {
      db: t.db,
      async transaction(work) {
        await t.db.update(cartItems).set({ quantity: 3 }).where(eq(cartItems.userId, user.id));
        return (await t.db.transaction(work)).value;
      },
    };
    const input = submitOrderInput.parse({ token: newToken(), ...address, paymentMethodId: String(method.id) });
    await expect(submitOrder(actions, user, input)).rejects.toMatchObject({ fields: { _form: 'order.cartChanged' } });
    expect(await stockOf(p.id)).toBe(10);
    expect((await cartLines(t.db, user.id)).map((l) => l.quantity)).toEqual([3]);
    expect(await t.db.select().from(orders).where(eq(orders.customerId, user.id))).toEqual([]);
    expect(await t.db.select().from(orderSubmissions).where(eq(orderSubmissions.token, input.token))).toEqual([]);
    expect(await t.db.select().from(savedAddresses).where(eq(savedAddresses.userId, user.id))).toEqual([]);
    // Submitting again orders what the cart holds now.
    expect(
      (await client.post('/orders', { token: newToken(), ...address, paymentMethodId: method.id })).statusCode,
    ).toBe(303);
    expect(await stockOf(p.id)).toBe(7);
  });
});

const hiddenFields = (body: string) => ({
  token: /name="token" value="([^"]+)"/.exec(body)?.[1] ?? '',
  cartAt: /name="cartAt" value="([^"]*)"/.exec(body)?.[1] ?? '',
});
