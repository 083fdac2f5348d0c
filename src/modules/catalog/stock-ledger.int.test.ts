import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedInClient } from '../../../test/browser-client.js';
import { insertPaymentMethod, insertProduct } from '../../../test/factories.js';
import { address, newToken, placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { products, stockAdjustments } from '../../platform/db/schema.js';
import { findProductById, findProductBySlug } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The edit form's fields as the browser would post them back. */
function editFormValues(html: string): Record<string, string> {
  const form = /<form method="post" action="\/admin\/products\/\d+" [^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? '';
  const values: Record<string, string> = {};
  for (const m of form.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? '';
    const type = /type="([^"]+)"/.exec(m[0])?.[1];
    if (!name || name === '_csrf') continue;
    if (type === 'checkbox') {
      if (/\schecked/.test(m[0])) values[name] = 'on';
    } else values[name] = value.replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&#34;', '"');
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g))
    values[m[1]!] = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? '';
  const text = /<textarea[^>]*name="description"[^>]*>([\s\S]*?)<\/textarea>/.exec(form)?.[1];
  if (text !== undefined) values.description = text;
  return values;
}

const ledgerRows = (html: string) =>
  [
    ...(/<table class="data-table stock-ledger">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '').matchAll(
      /<tr>/g,
    ),
  ].length;

describe('stock ledger (#12)', () => {
  it('a product save never writes stock: an order placed while the edit form is open keeps its reservation', async () => {
    const { client: admin } = await loggedInClient(t.app, t.db, 'admin');
    const { client: buyer } = await loggedInClient(t.app, t.db);
    const p = await insertProduct(t.db, { stock: 55 });
    // The admin opens the edit form while 55 are on the shelf…
    const page = await admin.get(`/admin/products/${p.id}`);
    expect(page.statusCode).toBe(200);
    const values = editFormValues(page.body);
    // …a buyer orders 5 of them…
    await buyer.post('/cart/items', { productId: p.id, quantity: 5 });
    await placeOrder(buyer, t.db, { quantity: 1 });
    expect((await findProductById(t.db, p.id))!.stock).toBe(50);
    // …and the admin saves a description change from the stale form (posting a stock field as an old form would).
    const saved = await admin.post(`/admin/products/${p.id}`, {
      ...values,
      stock: '55',
      description: 'Now with a new fan shroud.',
    });
    expect(saved.statusCode).toBe(303);
    const after = await findProductById(t.db, p.id);
    expect(after!.description).toBe('Now with a new fan shroud.');
    expect(after!.stock).toBe(50);
  });

  it('the edit form has no stock field; stock changes as an adjustment with a reason, who and when', async () => {
    const { client: admin, user } = await loggedInClient(t.app, t.db, 'admin');
    const p = await insertProduct(t.db, { stock: 12 });
    const page = await admin.get(`/admin/products/${p.id}`);
    expect(editFormValues(page.body)).not.toHaveProperty('stock');
    expect(page.body).toContain('Adjust stock');

    const res = await admin.post(`/admin/products/${p.id}/stock`, {
      delta: '-3',
      note: 'Two units damaged in transit',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/products/${p.id}`);
    expect((await findProductById(t.db, p.id))!.stock).toBe(9);
    const added = await admin.post(`/admin/products/${p.id}/stock`, { delta: '+20', note: 'Container from Shenzhen' });
    expect(added.statusCode).toBe(303);
    expect((await findProductById(t.db, p.id))!.stock).toBe(29);

    const shown = await admin.get(`/admin/products/${p.id}`);
    expect(shown.body).toContain('Stock history');
    expect(ledgerRows(shown.body)).toBe(2);
    // Newest first, with who made it.
    const newest = shown.body.indexOf('Container from Shenzhen');
    const older = shown.body.indexOf('Two units damaged in transit');
    expect(newest).toBeGreaterThan(0);
    expect(older).toBeGreaterThan(newest);
    expect(shown.body).toContain(user.email);
    expect(shown.body).toContain('+20');
    expect(shown.body).toContain('−3');
  });

  it('refuses to go below zero, a zero or huge change, a missing note and fields it does not declare', async () => {
    const { client: admin } = await loggedInClient(t.app, t.db, 'admin');
    const p = await insertProduct(t.db, { stock: 2 });
    await admin.get(`/admin/products/${p.id}`);
    const below = await admin.post(`/admin/products/${p.id}/stock`, { delta: '-3', note: 'Count after audit' });
    expect(below.statusCode).toBe(422);
    expect(below.body).toContain('Stock cannot go below zero');
    for (const body of [
      { delta: '0', note: 'Nothing' },
      { delta: '1000001', note: 'Typo' },
      { delta: '1.5', note: 'Half a miner' },
      { delta: '5', note: '' },
      { delta: '5', note: 'Recount', stock: '999' },
      { delta: '5', note: 'Recount', reason: 'order_released' },
    ] as Record<string, string>[]) {
      const res = await admin.post(`/admin/products/${p.id}/stock`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
    }
    expect((await findProductById(t.db, p.id))!.stock).toBe(2);
    const unknown = await admin.post('/admin/products/999999/stock', { delta: '1', note: 'Ghost' });
    expect(unknown.statusCode).toBe(404);
  });

  it('is for admins only, like product editing', async () => {
    const p = await insertProduct(t.db, { stock: 4 });
    for (const role of ['customer', 'sales', 'finance', 'warehouse', 'support'] as const) {
      const { client } = await loggedInClient(t.app, t.db, role);
      await client.get('/');
      const res = await client.post(`/admin/products/${p.id}/stock`, { delta: '100', note: 'Mine now' });
      expect(res.statusCode).toBe(403);
    }
    expect((await findProductById(t.db, p.id))!.stock).toBe(4);
  });

  it('records the initial stock of a new product, order reservations and releases in the same ledger', async () => {
    const { client: admin } = await loggedInClient(t.app, t.db, 'admin');
    await admin.get('/admin/products/new');
    const created = await admin.post('/admin/products', {
      name: 'Whatsminer M66S',
      slug: 'whatsminer-m66s-ledger',
      sku: 'MW-M66S-L',
      brand: 'MicroBT',
      model: 'M66S',
      category: 'asic-miners',
      kind: 'miner',
      price: '9,000.00',
      initialStock: '8',
      weightGrams: '16000',
      warrantyDays: '365',
      hsCode: '8471.50',
      customsDescription: 'Cryptocurrency mining computer (ASIC)',
    });
    expect(created.statusCode).toBe(303);
    const p = (await findProductBySlug(t.db, 'whatsminer-m66s-ledger'))!;
    expect(p.stock).toBe(8);

    const { client: buyer, user: customer } = await loggedInClient(t.app, t.db);
    await buyer.post('/cart/items', { productId: p.id, quantity: 3 });
    const { number } = await placeOrder(buyer, t.db, { quantity: 1 });
    expect((await findProductById(t.db, p.id))!.stock).toBe(5);
    await buyer.get(`/orders/${number}`);
    const cancel = await buyer.post(`/orders/${number}/events/cancelByCustomer`, { reason: 'Changed my mind' });
    expect(cancel.statusCode).toBe(303);
    expect((await findProductById(t.db, p.id))!.stock).toBe(8);

    const page = await admin.get(`/admin/products/${p.id}`);
    expect(ledgerRows(page.body)).toBe(3);
    expect(page.body).toContain('Initial stock');
    expect(page.body).toContain('Reserved by order');
    expect(page.body).toContain('Released by order');
    expect(page.body).toContain(`href="/admin/orders/${number}"`);
    // Who: the admin for the initial stock, the customer for the order and its cancellation.
    expect(page.body.split(customer.email).length - 1).toBe(2);
    const i = ['Released by order', 'Reserved by order', 'Initial stock'].map((s) => page.body.indexOf(s));
    expect(i).toEqual([...i].sort((a, b) => a - b));
  });

  it('an adjustment reaches the shop at once (visitor page cache) and the ledger speaks Spanish', async () => {
    const { client: admin } = await loggedInClient(t.app, t.db, 'admin');
    const p = await insertProduct(t.db, { stock: 0, backorderAllowed: false });
    const before = await t.app.inject(`/products/${p.slug}`);
    expect(before.body).toContain('Out of stock');
    await admin.get(`/admin/products/${p.id}`);
    expect((await admin.post(`/admin/products/${p.id}/stock`, { delta: '6', note: 'Llegada' })).statusCode).toBe(303);
    const after = await t.app.inject(`/products/${p.slug}`);
    expect(after.body).not.toContain('Out of stock');
    expect(after.body).toContain('In stock (6)');

    await admin.post('/locale', { locale: 'es', back: `/admin/products/${p.id}` });
    const es = await admin.get(`/admin/products/${p.id}`);
    expect(es.body).toContain('Historial de stock');
    expect(es.body).toContain('Ajuste manual');
    expect(es.body).toContain('Ajustar stock');
  });

  it('stock on the products table equals the sum of its ledger after many changes', async () => {
    const { client: admin } = await loggedInClient(t.app, t.db, 'admin');
    const { client: buyer } = await loggedInClient(t.app, t.db);
    const p = await insertProduct(t.db, { stock: 0 });
    await admin.get(`/admin/products/${p.id}`);
    for (const d of [5, -2, 7, -11, 3])
      await admin.post(`/admin/products/${p.id}/stock`, { delta: d, note: 'Recount' });
    await buyer.post('/cart/items', { productId: p.id, quantity: 2 });
    await placeOrder(buyer, t.db, { quantity: 1 });
    const [row] = await t.db.select({ stock: products.stock }).from(products).where(eq(products.id, p.id));
    const [ledger] = await t.db
      .select({ sum: sql<number>`sum(${stockAdjustments.delta})::int`, n: sql<number>`count(*)::int` })
      .from(stockAdjustments)
      .where(eq(stockAdjustments.productId, p.id));
    // -11 from 10 was refused: 5 - 2 + 7 + 3 - 2 (the order).
    expect(row!.stock).toBe(11);
    expect(ledger).toEqual({ sum: 11, n: 5 });
  });
});

describe.skipIf(!process.env.DATABASE_URL)('stock ledger under concurrency (PostgreSQL)', () => {
  it('orders and adjustments racing for the last units never oversell, and stock stays the sum of its ledger', async () => {
    const { client: admin } = await loggedInClient(t.app, t.db, 'admin');
    const method = await insertPaymentMethod(t.db);
    for (let trial = 0; trial < 5; trial++) {
      const p = await insertProduct(t.db, { stock: 0 });
      await admin.get(`/admin/products/${p.id}`);
      expect((await admin.post(`/admin/products/${p.id}/stock`, { delta: 10, note: 'Delivery' })).statusCode).toBe(303);
      const buyers = await Promise.all(Array.from({ length: 6 }, () => loggedInClient(t.app, t.db)));
      for (const { client } of buyers) {
        await client.post('/cart/items', { productId: p.id, quantity: 2 });
        await client.get('/cart');
      }
      const answers = await Promise.all([
        ...buyers.map(({ client }) =>
          client.post('/orders', { token: newToken(), ...address, paymentMethodId: method.id }),
        ),
        ...Array.from({ length: 4 }, () => admin.post(`/admin/products/${p.id}/stock`, { delta: -1, note: 'Count' })),
      ]);
      expect(answers.every((a) => a.statusCode === 303 || a.statusCode === 422)).toBe(true);
      const [row] = await t.db.select({ stock: products.stock }).from(products).where(eq(products.id, p.id));
      const [ledger] = await t.db
        .select({ sum: sql<number>`sum(${stockAdjustments.delta})::int` })
        .from(stockAdjustments)
        .where(eq(stockAdjustments.productId, p.id));
      const ordered = answers.slice(0, 6).filter((a) => a.statusCode === 303).length;
      const counted = answers.slice(6).filter((a) => a.statusCode === 303).length;
      expect(row!.stock).toBeGreaterThanOrEqual(0);
      expect(row!.stock).toBe(10 - 2 * ordered - counted);
      expect(ledger!.sum).toBe(row!.stock);
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)('backorders under concurrency (PostgreSQL)', () => {
  it('a line is backordered exactly when the ledger shows no reservation for it', async () => {
    const method = await insertPaymentMethod(t.db);
    for (let trial = 0; trial < 5; trial++) {
      const p = await insertProduct(t.db, { stock: 0, backorderAllowed: true });
      const { client: admin } = await loggedInClient(t.app, t.db, 'admin');
      await admin.get(`/admin/products/${p.id}`);
      await admin.post(`/admin/products/${p.id}/stock`, { delta: 5, note: 'Delivery' });
      const buyers = await Promise.all(Array.from({ length: 6 }, () => loggedInClient(t.app, t.db)));
      for (const { client } of buyers) {
        await client.post('/cart/items', { productId: p.id, quantity: 2 });
        await client.get('/cart');
      }
      const answers = await Promise.all(
        buyers.map(({ client }) =>
          client.post('/orders', { token: newToken(), ...address, paymentMethodId: method.id }),
        ),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 303));
      const rows = await t.db.execute(sql`
        select l.backordered, a.id is not null as reserved
          from order_lines l join orders o on o.id = l.order_id
          left join stock_adjustments a on a.order_number = o.number and a.product_id = l.product_id
         where l.product_id = ${p.id}`);
      const lines = (rows as unknown as { rows: { backordered: boolean; reserved: boolean }[] }).rows;
      expect(lines).toHaveLength(6);
      expect(lines.filter((l) => l.backordered === l.reserved)).toEqual([]);
      expect(lines.filter((l) => l.reserved)).toHaveLength(2);
      expect((await findProductById(t.db, p.id))!.stock).toBe(1);
    }
  });
});
