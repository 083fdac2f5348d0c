import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedInClient } from '../../../test/browser-client.js';
import { insertProduct } from '../../../test/factories.js';
import { hugePng } from '../../../test/media.js';
import { multipart } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { networkFigures } from '../../platform/db/schema.js';
import { findProductBySlug } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const form = {
  name: 'Antminer S23 Hyd',
  slug: 'antminer-s23-hyd',
  sku: 'BM-S23HYD',
  brand: 'Bitmain',
  model: 'S23 Hyd',
  category: 'asic-miners',
  kind: 'miner',
  algorithm: 'SHA-256',
  coins: 'BTC',
  hashrate: '580',
  hashrateUnit: 'TH/s',
  powerW: '5510',
  efficiency: '9.5',
  cooling: 'hydro',
  price: '12,999.00',
  initialStock: '7',
  needsTesting: 'on',
  weightGrams: '17500',
  warrantyDays: '365',
  hsCode: '8471.50',
  customsDescription: 'Cryptocurrency mining computer (ASIC)',
  description: 'Flagship hydro miner.',
};

describe('product back office', () => {
  it('lets an admin create and edit a product that the shop then shows', async () => {
    const { client } = await loggedInClient(t.app, t.db, 'admin');
    await client.get('/admin/products/new');
    const created = await client.post('/admin/products', form);
    expect(created.statusCode).toBe(303);
    const p = await findProductBySlug(t.db, 'antminer-s23-hyd');
    expect(p).toMatchObject({
      priceCents: 1_299_900,
      stock: 7,
      needsTesting: true,
      backorderAllowed: false,
      cooling: 'hydro',
    });
    // A posted stock is ignored by the product form (stock changes only through the ledger, #12).
    await client.post(`/admin/products/${p!.id}`, { ...form, price: '11999', stock: '0', backorderAllowed: 'on' });
    expect((await findProductBySlug(t.db, 'antminer-s23-hyd'))!.stock).toBe(7);
    await client.post(`/admin/products/${p!.id}/stock`, { delta: '-7', note: 'Sold at the trade fair' });
    const page = await client.get('/products/antminer-s23-hyd');
    expect(page.body).toContain('$11,999.00');
    expect(page.body).toContain('On backorder');
  });

  it('takes the category default HS code when left empty, and a country of origin (China unless told)', async () => {
    const { client } = await loggedInClient(t.app, t.db, 'admin');
    await client.get('/admin/products/new');
    const psu = { ...form, slug: 'apw17-psu', sku: 'BM-APW17', category: 'power-supplies', kind: 'psu', hsCode: '' };
    expect((await client.post('/admin/products', { ...psu, originCountry: 'my' })).statusCode).toBe(303);
    expect(await findProductBySlug(t.db, 'apw17-psu')).toMatchObject({ hsCode: '8504.40', originCountry: 'MY' });
    const fan = { ...form, slug: 'fan-12038', sku: 'FAN-12038', category: 'fans-cooling', kind: 'general', hsCode: '' };
    expect((await client.post('/admin/products', fan)).statusCode).toBe(303);
    expect(await findProductBySlug(t.db, 'fan-12038')).toMatchObject({ hsCode: '8414.59', originCountry: 'CN' });
    const bad = await client.post('/admin/products', { ...fan, slug: 'fan-x', sku: 'FAN-X', originCountry: 'China' });
    expect(bad.statusCode).toBe(422);
  });

  it('explains bad fields and keeps the typed values', async () => {
    const { client } = await loggedInClient(t.app, t.db, 'admin');
    const existing = await insertProduct(t.db);
    await client.get('/admin/products/new');
    const res = await client.post('/admin/products', {
      ...form,
      slug: existing.slug,
      price: '12.345',
      hsCode: 'abc',
      name: 'Typed name',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Enter an amount in US dollars');
    expect(res.body).toContain('Use the form 8471.50');
    expect(res.body).toContain('value="Typed name"');
    const taken = await client.post('/admin/products', { ...form, slug: existing.slug, sku: 'UNIQUE-SKU-1' });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('Another product already uses this slug');
  });

  it('refuses a price above US$1,000,000 with a clear message, keeping what was typed', async () => {
    const { client } = await loggedInClient(t.app, t.db, 'admin');
    await client.get('/admin/products/new');
    const res = await client.post('/admin/products', {
      ...form,
      slug: 'too-dear',
      sku: 'TOO-DEAR',
      price: '9999999999',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Enter at most $1,000,000.00');
    expect(res.body).toContain('value="9999999999"');
  });

  it('refuses sizes, weights and power past what any product has (no 500 from a 32-bit column)', async () => {
    const { client } = await loggedInClient(t.app, t.db, 'admin');
    await client.get('/admin/products/new');
    for (const [field, value] of [
      ['weightGrams', '9999999999'],
      ['lengthMm', '9999999999'],
      ['widthMm', '9999999999'],
      ['heightMm', '9999999999'],
      ['powerW', '9999999999'],
      ['noiseDb', '9999999999'],
    ] as const) {
      const res = await client.post('/admin/products', {
        ...form,
        slug: `huge-${field}`,
        sku: `HUGE-${field}`,
        [field]: value,
      });
      expect(res.statusCode, field).toBe(422);
      expect(res.body, field).toContain('value="9999999999"');
      expect(res.body, field).toContain('Enter at most');
    }
  });

  it('stores uploaded pictures re-encoded, refuses what is not an image', async () => {
    const { client } = await loggedInClient(t.app, t.db, 'admin');
    const p = await insertProduct(t.db);
    await client.get(`/admin/products/${p.id}`);
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#0f766e' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret-gps-owner' } } })
      .toBuffer();
    const upload = (data: Buffer, name: string) => {
      const body = multipart({ _csrf: client.csrf }, { field: 'image', name, type: 'image/jpeg', data });
      return t.app.inject({
        method: 'POST',
        url: `/admin/products/${p.id}/images`,
        payload: body.payload,
        remoteAddress: client.ip,
        headers: { 'content-type': body.contentType, cookie: client.cookieHeader },
      });
    };
    expect((await upload(jpeg, 'photo.jpg')).statusCode).toBe(303);
    const updated = await findProductBySlug(t.db, p.slug);
    const url = updated!.images.at(-1)!;
    expect(url).toMatch(/^\/media\/products\/.+\.webp$/);
    const served = await t.app.inject(url);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.rawPayload.includes(Buffer.from('secret-gps-owner'))).toBe(false);
    const fake = await upload(Buffer.from('<svg onload=alert(1)>'), 'x.jpg');
    expect(fake.statusCode).toBe(422);
    expect(fake.body).toContain('Upload a JPEG, PNG or WebP image');
    const bomb = await upload(hugePng(), 'x.png');
    expect(bomb.statusCode).toBe(422);
    expect(bomb.body).toContain('at most 40 megapixels');
  });

  it('is for admins only', async () => {
    for (const role of ['customer', 'sales', 'finance', 'warehouse', 'support'] as const) {
      const { client } = await loggedInClient(t.app, t.db, role);
      expect((await client.get('/admin/products')).statusCode).toBe(403);
      expect((await client.post('/admin/products', form)).statusCode).toBe(403);
    }
  });

  it('edits the network hashrate in a unit people read (EH/s), not raw hashes per second', async () => {
    await t.db.insert(networkFigures).values({
      algorithm: 'SHA-256',
      coin: 'BTC',
      networkHashrate: 1e21,
      blockReward: 3.125,
      blockTimeSeconds: 600,
      coinPriceCents: 9_500_000,
    });
    const { client } = await loggedInClient(t.app, t.db, 'sales');
    const page = await client.get('/admin/network-figures');
    expect(page.body).not.toContain('1e+21');
    expect(page.body, 'the unit is chosen per row, so no header or hint may claim raw H/s').not.toContain('(H/s)');
    expect(page.body).not.toContain('in H/s');
    expect(page.body).toMatch(/name="networkHashrate" value="1000"/);
    expect(page.body).toMatch(/<option value="EH\/s" selected/);
    const saved = await client.post('/admin/network-figures', {
      algorithm: 'SHA-256',
      coin: 'BTC',
      networkHashrate: '750.5',
      networkHashrateUnit: 'EH/s',
      blockReward: '3.125',
      blockTimeSeconds: '600',
      coinPrice: '95000',
    });
    expect(saved.statusCode).toBe(303);
    const [row] = await t.db.select().from(networkFigures).where(eq(networkFigures.algorithm, 'SHA-256'));
    expect(row?.networkHashrate).toBeCloseTo(7.505e20, -14);
    const refused = await client.post('/admin/network-figures', {
      algorithm: 'SHA-256',
      coin: 'BTC',
      networkHashrate: '750',
      networkHashrateUnit: 'YH/s',
      blockReward: '3.125',
      blockTimeSeconds: '600',
      coinPrice: '95000',
    });
    expect(refused.statusCode).toBe(422);
  });
});
