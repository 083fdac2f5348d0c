import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { customsPapers, orders, packingParcels, products, settings } from '../../platform/db/schema.js';
import { completedOrder } from '../after-sales/after-sales.test-helpers.js';
import { htmlText, pdfText } from '../invoices/pdf-text.test-helper.js';

let t: TestApp;
let warehouse: BrowserClient;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://shop.example' });
  warehouse = (await loggedInClient(t.app, t.db, 'warehouse')).client;
  await warehouse.get('/admin');
  await t.db
    .insert(settings)
    .values({ key: 'sellerTaxId', value: 'HK-BR-12345678' })
    .onConflictDoUpdate({ target: settings.key, set: { value: 'HK-BR-12345678' } });
});
afterAll(() => t.close());

/** A shipped order of two miners in one parcel weighed and measured at packing. */
async function shippedOrder(opts: Parameters<typeof completedOrder>[1] = {}, measured = true) {
  const o = await completedOrder(t, { kind: 'miner', quantity: 2, ...opts });
  if (measured)
    await t.db
      .update(packingParcels)
      .set({ netWeightGrams: 28_400, grossWeightGrams: 31_250, lengthMm: 570, widthMm: 320, heightMm: 430 })
      .where(eq(packingParcels.orderId, o.order.id));
  await t.db
    .update(products)
    .set({ hsCode: '8471.50', customsDescription: 'ASIC cryptocurrency mining machine', originCountry: 'MY' })
    .where(eq(products.id, o.line.productId));
  await t.db
    .update(orders)
    .set({ freightCents: 12_000, totalCents: o.order.goodsCents + 12_000 })
    .where(eq(orders.id, o.order.id));
  return o;
}

const pdf = async (client: BrowserClient, url: string, headers: Record<string, string> = {}) => {
  const res = await client.get(url, headers);
  expect(res.statusCode, url).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return (await pdfText(res.rawPayload)).text;
};

describe('customs papers', () => {
  it('commercial invoice: seller and buyer with tax IDs, incoterm, HS code, origin, real values, serials, packages, code', async () => {
    const o = await shippedOrder();
    const text = await pdf(o.buyer, `/orders/${o.number}/customs/commercial-invoice.pdf?lang=en`);
    for (const s of [
      'COMMERCIAL INVOICE',
      `CI-${o.number}`,
      'Tax ID: HK-BR-12345678',
      'Tax ID: not recorded',
      o.order.fullName,
      'CPT',
      '8471.50',
      'ASIC cryptocurrency mining machine',
      'Malaysia',
      'Freight',
      '$120.00',
      o.serials[0]!,
      o.serials[1]!,
      'Number of packages',
      '31.25 kg',
    ]) {
      expect(text).toContain(s);
    }
    const unit = (o.order.goodsCents / 2 / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
    expect(text).toContain(`$${unit}`);
    const [papers] = await t.db.select().from(customsPapers).where(eq(customsPapers.orderId, o.order.id));
    expect(text).toContain(`${papers!.code.slice(0, 5)}-${papers!.code.slice(5)}`);
  });

  it('packing list: each package with seals, contents and serials, weights and size; the same code', async () => {
    const o = await shippedOrder();
    const text = await pdf(o.buyer, `/orders/${o.number}/customs/packing-list.pdf?lang=en`);
    for (const s of [
      'PACKING LIST',
      `PL-${o.number}`,
      '1 of 1',
      'SEAL-',
      o.serials[0]!,
      '28.4 kg',
      '31.25 kg',
      '57 × 32 × 43',
    ]) {
      expect(text).toContain(s);
    }
    const [papers] = await t.db.select().from(customsPapers).where(eq(customsPapers.orderId, o.order.id));
    expect(text).toContain(`${papers!.code.slice(0, 5)}-${papers!.code.slice(5)}`);
  });

  it('is in Spanish on ask, and says "not recorded" for weights nobody entered', async () => {
    const o = await shippedOrder({}, false);
    const ci = await pdf(o.buyer, `/orders/${o.number}/customs/commercial-invoice.pdf?lang=es`);
    expect(ci).toContain('FACTURA COMERCIAL');
    expect(ci).toContain('Malasia');
    const pl = await pdf(o.buyer, `/orders/${o.number}/customs/packing-list.pdf?lang=es`);
    expect(pl).toContain('LISTA DE EMPAQUE');
    expect(pl).toContain('no registrado');
    // The reader's language without ?lang=.
    expect(await pdf(o.buyer, `/orders/${o.number}/customs/packing-list.pdf`, { 'accept-language': 'es' })).toContain(
      'LISTA DE EMPAQUE',
    );
  });

  it('resolves on /verify with the papers facts and the buyer masked', async () => {
    const o = await shippedOrder();
    await pdf(o.buyer, `/orders/${o.number}/customs/commercial-invoice.pdf`);
    const [papers] = await t.db.select().from(customsPapers).where(eq(customsPapers.orderId, o.order.id));
    const res = await new BrowserClient(t.app).get(`/verify/${papers!.code}`);
    expect(res.statusCode).toBe(200);
    const text = htmlText(res.body);
    expect(text).toContain('Genuine: these customs papers');
    expect(text).toContain(`CI-${o.number}`);
    expect(text).not.toContain(o.order.fullName);
    // One code for the shipment: downloading again issues nothing new.
    await pdf(o.buyer, `/orders/${o.number}/customs/packing-list.pdf`);
    expect(await t.db.select().from(customsPapers).where(eq(customsPapers.orderId, o.order.id))).toHaveLength(1);
  });

  it('issues one code when both papers are first downloaded at once', async () => {
    const o = await shippedOrder();
    const [a, b] = await Promise.all([
      o.buyer.get(`/orders/${o.number}/customs/commercial-invoice.pdf`),
      o.buyer.get(`/orders/${o.number}/customs/packing-list.pdf`),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(await t.db.select().from(customsPapers).where(eq(customsPapers.orderId, o.order.id))).toHaveLength(1);
  });

  it('answers 404 to another buyer, before shipping, for an unknown paper; staff have them at packing', async () => {
    const o = await shippedOrder();
    const other = (await loggedInClient(t.app, t.db)).client;
    expect((await other.get(`/orders/${o.number}/customs/commercial-invoice.pdf`)).statusCode).toBe(404);
    expect((await o.buyer.get(`/orders/${o.number}/customs/invoice.pdf`)).statusCode).toBe(404);
    expect((await o.buyer.get(`/admin/orders/${o.number}/customs/packing-list.pdf`)).statusCode).not.toBe(200);

    await t.db.update(orders).set({ status: 'ready_to_ship' }).where(eq(orders.id, o.order.id));
    expect((await o.buyer.get(`/orders/${o.number}/customs/commercial-invoice.pdf`)).statusCode).toBe(404);
    expect(await pdf(warehouse, `/admin/orders/${o.number}/customs/packing-list.pdf`)).toContain('PACKING LIST');
    const page = await warehouse.get(`/admin/orders/${o.number}`);
    expect(page.body).toContain(`/admin/orders/${o.number}/customs/commercial-invoice.pdf?lang=es`);

    const buyerPage = await o.buyer.get(`/orders/${o.number}`);
    expect(buyerPage.body).not.toContain('/customs/commercial-invoice.pdf');
    await t.db.update(orders).set({ status: 'shipped' }).where(eq(orders.id, o.order.id));
    expect((await o.buyer.get(`/orders/${o.number}`)).body).toContain(
      `/orders/${o.number}/customs/commercial-invoice.pdf?lang=en`,
    );
  });
});

describe('weights and size at packing', () => {
  it('are optional, converted from kg and cm, and refused when malformed or gross is under net', async () => {
    const o = await completedOrder(t, { kind: 'miner', quantity: 1, status: 'shipped' });
    await t.db.update(orders).set({ status: 'ready_to_ship' }).where(eq(orders.id, o.order.id));
    await warehouse.get(`/admin/orders/${o.number}`);
    const post = (fields: Record<string, string>) =>
      warehouse.post(`/admin/orders/${o.number}/packing/parcels`, { seals: 'S-1', ...fields });

    const bad = await post({ netWeightKg: '12', grossWeightKg: '11' });
    expect(bad.statusCode).toBe(422);
    expect(htmlText(bad.body)).toContain('cannot be less than the net weight');
    const junk = await post({ lengthCm: 'abc' });
    expect(junk.statusCode).toBe(422);
    expect(htmlText(junk.body)).toContain('Enter a positive number');

    expect(
      (await post({ netWeightKg: '12,5', grossWeightKg: '14', lengthCm: '50', widthCm: '30.5', heightCm: '40' }))
        .statusCode,
    ).toBe(303);
    expect((await post({})).statusCode).toBe(303);
    const rows = await t.db.select().from(packingParcels).where(eq(packingParcels.orderId, o.order.id));
    const added = rows.filter((r) => r.position > 1);
    expect(added[0]).toMatchObject({
      netWeightGrams: 12_500,
      grossWeightGrams: 14_000,
      lengthMm: 500,
      widthMm: 305,
      heightMm: 400,
    });
    expect(added[1]).toMatchObject({ netWeightGrams: null, grossWeightGrams: null, lengthMm: null });
    expect(htmlText((await warehouse.get(`/admin/orders/${o.number}`)).body)).toContain(
      'Net 12.5 kg · gross 14 kg · 50 × 30.5 × 40 cm',
    );
  });
});
