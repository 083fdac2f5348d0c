import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedInClient } from '../../../test/browser-client.js';
import { insertPaymentMethod, insertProduct } from '../../../test/factories.js';
import { address } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { products } from '../../platform/db/schema.js';
import { orders } from './order.tables.js';

const formToken = (body: string) => /name="token" value="([^"]+)"/.exec(body)?.[1] ?? '';
const cartAt = (body: string) => /name="cartAt" value="([^"]*)"/.exec(body)?.[1] ?? '';

// Two transactions at once need two connections: PGlite has one, so this runs on PostgreSQL.
describe.skipIf(!process.env.DATABASE_URL)('a cart is ordered once, even from two tabs at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('turns two simultaneous submits of two renders of one cart into one order', async () => {
    const method = await insertPaymentMethod(t.db);
    const trials = 10;
    let doubled = 0;
    for (let i = 0; i < trials; i++) {
      const { client, user } = await loggedInClient(t.app, t.db);
      const p = await insertProduct(t.db, { stock: 10 });
      await client.post('/cart/items', { productId: p.id, quantity: 1 });
      const tabs = [await client.get('/cart'), await client.get('/cart')].map((r) => r.body);
      expect(formToken(tabs[0]!)).not.toBe(formToken(tabs[1]!));
      const answers = await Promise.all(
        tabs.map((body) =>
          client.post('/orders', {
            token: formToken(body),
            cartAt: cartAt(body),
            ...address,
            paymentMethodId: method.id,
          }),
        ),
      );
      const placed = await t.db.select().from(orders).where(eq(orders.customerId, user.id));
      if (placed.length > 1) doubled++;
      else {
        expect(placed).toHaveLength(1);
        const number = placed[0]!.number;
        const [won, lost] = answers[0]!.statusCode === 303 ? answers : [answers[1]!, answers[0]!];
        expect(won!.headers.location).toBe(`/orders/${number}`);
        expect(lost!.statusCode).toBe(409);
        expect(lost!.body).toContain('This cart was already ordered');
        expect(lost!.body).toContain(`href="/orders/${number}"`);
        const [row] = await t.db.select().from(products).where(eq(products.id, p.id));
        expect(row!.stock).toBe(9);
      }
    }
    expect(`${doubled} of ${trials} trials made two orders`).toBe(`0 of ${trials} trials made two orders`);
  });
});
