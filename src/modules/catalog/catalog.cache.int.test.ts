import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedInClient } from '../../../test/browser-client.js';
import { insertPaymentMethod, insertProduct } from '../../../test/factories.js';
import { address, newToken } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createEventBus, type EventBus } from '../../platform/events.js';
import { createCatalogCache } from './catalog.cache.js';
import { products } from './catalog.tables.js';

/**
 * Storefront pages are served from a per-process cache: every write the shop makes must
 * show on the very next view (this process) and within a moment in the others.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const productForm = (p: { name: string; slug: string; sku: string }, price: string) => ({
  ...p,
  brand: 'Bitmain',
  model: 'S23',
  category: 'asic-miners',
  kind: 'miner',
  algorithm: 'SHA-256',
  coins: 'BTC',
  hashrate: '580',
  hashrateUnit: 'TH/s',
  powerW: '5510',
  cooling: 'air',
  price,
  stock: '7',
  needsTesting: 'on',
  weightGrams: '17500',
  warrantyDays: '365',
  hsCode: '8471.50',
  customsDescription: 'Cryptocurrency mining computer (ASIC)',
  description: 'Cache test miner.',
});

describe('catalog cache invalidation', () => {
  it('shows an admin edit (price) on the next view of a cached product page, listing and home', async () => {
    const { client } = await loggedInClient(t.app, t.db, 'admin');
    const ids = { name: 'Cachetest Miner', slug: 'cachetest-miner', sku: 'CT-1' };
    const views = ['/', '/categories/asic-miners', '/search?q=cachetest'];
    for (const url of views) expect((await t.app.inject(url)).body).not.toContain('Cachetest Miner');
    expect((await t.app.inject('/products/cachetest-miner')).statusCode).toBe(404);

    await client.get('/admin/products/new');
    expect((await client.post('/admin/products', productForm(ids, '1000'))).statusCode).toBe(303);
    for (const url of views) expect((await t.app.inject(url)).body).toContain('Cachetest Miner');
    expect((await t.app.inject('/products/cachetest-miner')).body).toContain('$1,000.00');

    const [p] = await t.db.select({ id: products.id }).from(products).where(eq(products.slug, ids.slug));
    expect((await client.post(`/admin/products/${p!.id}`, productForm(ids, '1234'))).statusCode).toBe(303);
    expect((await t.app.inject('/products/cachetest-miner')).body).toContain('$1,234.00');
    expect((await t.app.inject('/categories/asic-miners')).body).toContain('$1,234.00');
  });

  it('shows the stock an order reserved, and the stock its cancellation released, on the next view', async () => {
    const product = await insertProduct(t.db, { slug: 'cachetest-stock', stock: 10, priceCents: 300_000 });
    const methodId = (await insertPaymentMethod(t.db)).id;
    expect((await t.app.inject('/products/cachetest-stock')).body).toContain('In stock (10)');

    const { client } = await loggedInClient(t.app, t.db);
    await client.post('/cart/items', { productId: product.id, quantity: 2 });
    await client.get('/cart');
    const res = await client.post('/orders', { token: newToken(), ...address, paymentMethodId: String(methodId) });
    expect(res.statusCode).toBe(303);
    expect((await t.app.inject('/products/cachetest-stock')).body).toContain('In stock (8)');

    const number = String(res.headers.location).replace('/orders/', '');
    expect((await client.post(`/orders/${number}/events/cancelByCustomer`, { reason: 'x' })).statusCode).toBe(303);
    expect((await t.app.inject('/products/cachetest-stock')).body).toContain('In stock (10)');
  });

  it('drops cached entries in every process when one of them publishes a change', async () => {
    // Two "processes": two caches, each with its own bus. On PostgreSQL the buses are real
    // LISTEN/NOTIFY connections; on PGlite one in-process bus stands in for it.
    const url = t.database.kind === 'postgres' ? process.env.DATABASE_URL : undefined;
    const buses: EventBus[] = [await createEventBus(url)];
    buses.push(url ? await createEventBus(url) : buses[0]!);
    try {
      const [a, b] = buses.map((bus) => createCatalogCache(t.db, bus, { ttlMs: 60_000 }));
      await insertProduct(t.db, { slug: 'cachetest-remote', priceCents: 100_000 });
      expect((await b!.product('cachetest-remote'))?.p.priceCents).toBe(100_000);

      await t.db.update(products).set({ priceCents: 200_000 }).where(eq(products.slug, 'cachetest-remote'));
      expect((await b!.product('cachetest-remote'))?.p.priceCents).toBe(100_000); // cached, as intended
      await a!.changed();
      // The notification arrives asynchronously in the other process: poll for a moment.
      const deadline = Date.now() + 3_000;
      const price = async () => (await b!.product('cachetest-remote'))?.p.priceCents;
      while ((await price()) !== 200_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await price()).toBe(200_000);
    } finally {
      for (const bus of new Set(buses)) await bus.close();
    }
  });
});
