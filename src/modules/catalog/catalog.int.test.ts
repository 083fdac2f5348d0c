import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProduct } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { categoryFacets } from './catalog.repo.js';
import { networkFigures } from './catalog.tables.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await insertProduct(t.db, {
    slug: 's21-pro',
    name: 'Antminer S21 Pro',
    brand: 'Bitmain',
    priceCents: 460_000,
    featured: true,
  });
  await insertProduct(t.db, { slug: 'm60s', name: 'WhatsMiner M60S', brand: 'MicroBT', priceCents: 380_000, stock: 0 });
  await insertProduct(t.db, {
    slug: 'ks5',
    name: 'IceRiver KS5L',
    brand: 'IceRiver',
    algorithm: 'kHeavyHash',
    coins: 'KAS',
    priceCents: 150_000,
    hashrate: 12,
    hashrateUnit: 'TH/s',
    powerW: 3400,
  });
  await insertProduct(t.db, {
    slug: 'apw12',
    name: 'APW12 PSU',
    brand: 'Bitmain',
    category: 'power-supplies',
    kind: 'psu',
    algorithm: null,
    hashrate: null,
    hashrateUnit: null,
    priceCents: 25_000,
    needsTesting: false,
  });
  await t.db.insert(networkFigures).values({
    algorithm: 'SHA-256',
    coin: 'BTC',
    networkHashrate: 1e21,
    blockReward: 3.125,
    blockTimeSeconds: 600,
    coinPriceCents: 9_500_000,
  });
});
afterAll(() => t.close());

describe('storefront pages', () => {
  it('home shows featured and newest products', async () => {
    const res = await t.app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Antminer S21 Pro');
    expect(res.body).toContain('APW12 PSU');
  });

  it('lists a category and filters by brand, algorithm, price and stock', async () => {
    const all = await t.app.inject('/categories/asic-miners');
    expect(all.body).toContain('Antminer S21 Pro');
    expect(all.body).toContain('WhatsMiner M60S');
    expect(all.body).not.toContain('APW12 PSU');
    const brand = await t.app.inject('/categories/asic-miners?brand=MicroBT');
    expect(brand.body).toContain('WhatsMiner M60S');
    expect(brand.body).not.toContain('Antminer S21 Pro');
    const algo = await t.app.inject('/categories/asic-miners?algorithm=kHeavyHash');
    expect(algo.body).toContain('IceRiver KS5L');
    expect(algo.body).not.toContain('WhatsMiner M60S');
    const price = await t.app.inject('/categories/asic-miners?min=2000&max=4000');
    expect(price.body).toContain('WhatsMiner M60S');
    expect(price.body).not.toContain('Antminer S21 Pro');
    const stock = await t.app.inject('/categories/asic-miners?stock=1');
    expect(stock.body).not.toContain('WhatsMiner M60S');
  });

  it("renders the cached grid in each visitor's language, the same HTML on repeat views", async () => {
    const en = await t.app.inject({ url: '/categories/asic-miners', headers: { 'accept-language': 'en' } });
    const es = await t.app.inject({ url: '/categories/asic-miners', headers: { 'accept-language': 'es' } });
    const grid = (body: string) =>
      body.slice(
        body.indexOf('<ul class="product-grid">'),
        body.indexOf('</ul>', body.indexOf('<ul class="product-grid">')),
      );
    expect(grid(en.body)).toContain('In stock');
    expect(grid(es.body)).not.toContain('In stock');
    expect(grid(es.body)).not.toEqual(grid(en.body));
    const again = await t.app.inject({ url: '/categories/asic-miners', headers: { 'accept-language': 'en' } });
    expect(grid(again.body)).toEqual(grid(en.body));
  });

  it('sorts by price both ways', async () => {
    const order = (body: string) =>
      ['IceRiver KS5L', 'WhatsMiner M60S', 'Antminer S21 Pro'].sort((a, b) => body.indexOf(a) - body.indexOf(b));
    expect(order((await t.app.inject('/categories/asic-miners?sort=price_asc')).body)).toEqual([
      'IceRiver KS5L',
      'WhatsMiner M60S',
      'Antminer S21 Pro',
    ]);
    expect(order((await t.app.inject('/categories/asic-miners?sort=price_desc')).body)).toEqual([
      'Antminer S21 Pro',
      'WhatsMiner M60S',
      'IceRiver KS5L',
    ]);
  });

  it('ignores nonsense filters instead of failing', async () => {
    const res = await t.app.inject('/categories/asic-miners?min=abc&sort=drop%20table&after=%%%&page=-3');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Antminer S21 Pro');
  });

  it('searches by words and word prefixes', async () => {
    const res = await t.app.inject('/search?q=antminer%20s21');
    expect(res.body).toContain('Antminer S21 Pro');
    expect(res.body).not.toContain('WhatsMiner M60S');
    const prefix = await t.app.inject('/search?q=whats');
    expect(prefix.body).toContain('WhatsMiner M60S');
    const junk = await t.app.inject(`/search?q=${encodeURIComponent("'):*&|!<>")}`);
    expect(junk.statusCode).toBe(200);
  });

  it('product page shows specs, price, stock, lead time and the profitability estimate', async () => {
    const res = await t.app.inject('/products/s21-pro');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Antminer S21 Pro');
    expect(res.body).toContain('$4,600.00');
    expect(res.body).toContain('In stock (10)');
    expect(res.body).toContain('Tested before shipping: ships 3–4 business days');
    expect(res.body).toContain('Profitability estimate');
    expect(res.body).toContain('17.5 J/TH');
    const frag = await t.app.inject('/products/s21-pro/profit?kwh=5');
    expect(frag.body).toContain('id="profit"');
    expect(frag.body).not.toContain('<html');
  });

  it('answers 404 pages for unknown products and categories', async () => {
    for (const url of ['/products/nope', '/categories/nope', '/no-such-page']) {
      const res = await t.app.inject(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('Page not found');
    }
  });

  it('pages through a category with keyset cursors, each product exactly once', async () => {
    for (let i = 0; i < 30; i++)
      await insertProduct(t.db, {
        category: 'fans-cooling',
        kind: 'general',
        name: `Fan ${i}`,
        priceCents: 1000 + (i % 5),
      });
    const seen: string[] = [];
    let url: string | undefined = '/categories/fans-cooling?sort=price_asc';
    while (url) {
      const res: { body: string } = await t.app.inject(url);
      seen.push(...[...res.body.matchAll(/class="name">Fan (\d+)</g)].map((m) => m[1]!));
      url = /href="([^"]+)" rel="next"/.exec(res.body)?.[1]?.replaceAll('&amp;', '&');
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
  });

  it('serves listing and product pages with a bounded number of queries (no N+1), none once cached', async () => {
    const count = async (url: string) => {
      const before = t.database.queries.count;
      expect((await t.app.inject(url)).statusCode).toBe(200);
      return t.database.queries.count - before;
    };
    // Cold cache: what building each page costs (24 cards on the listing: an N+1 would show).
    t.app.services.catalogCache.clear();
    expect(await count('/categories/fans-cooling')).toBeLessThanOrEqual(3); // page, capped count, facets
    expect(await count('/products/s21-pro')).toBeLessThanOrEqual(1); // product joined with its network figure
    expect(await count('/')).toBeLessThanOrEqual(2);
    // Warm: an anonymous view of the same pages reads nothing from the database.
    for (const url of ['/categories/fans-cooling', '/products/s21-pro', '/']) expect(await count(url)).toBe(0);
  });

  it('escapes user-visible text', async () => {
    await insertProduct(t.db, {
      slug: 'xss',
      name: '<script>alert(1)</script>',
      description: '<img src=x onerror=alert(1)>',
    });
    const res = await t.app.inject('/products/xss');
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('sends a CSP without unsafe-inline and nosniff', async () => {
    const res = await t.app.inject('/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('allows no inline script or style at all: no nonce, one policy for every response', async () => {
    const [a, b] = [await t.app.inject('/'), await t.app.inject('/')];
    const csp = String(a.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('nonce-');
    expect(b.headers['content-security-policy']).toBe(csp);
  });

  it('serves htmx and the stylesheet from the app', async () => {
    expect((await t.app.inject('/vendor/htmx.min.js')).statusCode).toBe(200);
    expect((await t.app.inject('/assets/app.css')).statusCode).toBe(200);
    expect((await t.app.inject('/vendor/package.json')).statusCode).toBe(404);
  });

  it('lists products as JSON with a cursor', async () => {
    const res = await t.app.inject('/api/v1/products?category=power-supplies');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((p: { slug: string }) => p.slug)).toEqual(['apw12']);
  });

  it('switches to Spanish from Accept-Language and remembers an explicit choice', async () => {
    const es = await t.app.inject({ url: '/', headers: { 'accept-language': 'es-ES,es;q=0.9' } });
    expect(es.body).toContain('lang="es"');
  });
});

describe('escaping in messages', () => {
  it('shows a search for markup as text, escaped exactly once', async () => {
    const res = await t.app.inject(`/search?q=${encodeURIComponent('<b>x</b> & y')}`);
    expect(res.body).toContain('<h1>Search: &lt;b>x&lt;/b> &amp; y</h1>');
    // Only inside attribute values (escaped for quotes), never as markup.
    expect(res.body.replace(/"[^"]*"/g, '""')).not.toContain('<b>x</b>');
  });
});

describe('category facets', () => {
  it('lists each brand and algorithm of a category once, skipping missing algorithms', async () => {
    const board = { category: 'control-boards', kind: 'general', hashrate: null, hashrateUnit: null } as const;
    await insertProduct(t.db, { ...board, brand: 'Bitmain', algorithm: null });
    await insertProduct(t.db, { ...board, brand: 'Bitmain', algorithm: 'Scrypt' });
    await insertProduct(t.db, { ...board, brand: 'Bitmain', algorithm: 'Scrypt' });
    await insertProduct(t.db, { ...board, brand: 'Antminer parts', algorithm: null });
    await insertProduct(t.db, { ...board, brand: 'Canaan', algorithm: 'SHA-256' });
    expect(await categoryFacets(t.db, 'control-boards')).toEqual({
      brands: ['Antminer parts', 'Bitmain', 'Canaan'],
      algorithms: ['SHA-256', 'Scrypt'],
    });
  });
});
