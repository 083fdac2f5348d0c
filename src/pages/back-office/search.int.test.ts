import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { insertPaymentMethod, insertProduct } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import {
  orderLines,
  orders,
  packingParcels,
  packingUnits,
  paymentProofs,
  proformaInvoices,
  shipments,
} from '../../platform/db/schema.js';

let t: TestApp;
let staff: BrowserClient;
let customerId: number;
const NUMBER = 'HC-2026-900417';

beforeAll(async () => {
  t = await createTestApp();
  const buyer = await loggedInClient(t.app, t.db);
  customerId = buyer.user!.id;
  staff = (await loggedInClient(t.app, t.db, 'finance')).client;
  const method = await insertPaymentMethod(t.db);
  const product = await insertProduct(t.db);
  const [order] = await t.db
    .insert(orders)
    .values({
      number: NUMBER,
      customerId,
      status: 'shipped',
      shippingMethod: 'air_express',
      paymentMethodId: method.id,
      fullName: 'Beatriz Okonkwo-Lindqvist',
      phone: '+34 600 000 000',
      email: 'b.okonkwo@minerfarm.example',
      country: 'KZ',
      city: 'Almaty',
      address: 'Abay 1',
      postalCode: '050000',
      goodsCents: 300_000,
      freightCents: 10_000,
      totalCents: 310_000,
    })
    .returning();
  const orderId = order!.id;
  await t.db.insert(shipments).values({ orderId, carrier: 'DHL', trackingNumber: '1Z999AA10123456784' });
  await t.db.insert(paymentProofs).values({
    orderId,
    uploadedBy: customerId,
    fileKey: 'proofs/x.png',
    mimeType: 'image/png',
    sizeBytes: 1,
    sha256: 'f'.repeat(64),
    amountCents: 310_000,
    reference: 'TRX-0x9f8e7d6c5b4a',
    paidOn: '2026-11-30',
    status: 'approved',
  });
  await t.db.insert(proformaInvoices).values({
    orderId,
    number: 'PI-2026-900417',
    code: 'SEARCHCODE1',
    totalCents: 310_000,
    buyerName: 'Beatriz Okonkwo-Lindqvist',
  });
  const [line] = await t.db
    .insert(orderLines)
    .values({
      orderId,
      productId: product.id,
      sku: product.sku,
      name: product.name,
      hsCode: product.hsCode,
      listPriceCents: 300_000,
      unitPriceCents: 300_000,
      quantity: 1,
      weightGrams: 15_000,
      needsTesting: true,
      backordered: false,
    })
    .returning();
  const [parcel] = await t.db
    .insert(packingParcels)
    .values({ orderId, position: 1, sealNumbers: ['SEAL-1'], recordedBy: customerId })
    .returning();
  await t.db.insert(packingUnits).values({
    orderId,
    parcelId: parcel!.id,
    orderLineId: line!.id,
    serialNumber: 'YNAHB7Q2-4410',
    recordedBy: customerId,
  });
});
afterAll(() => t.close());

const search = (q: string, client = staff) => client.get(`/admin/search?q=${encodeURIComponent(q)}`);
const orderLink = `href="/admin/orders/${NUMBER}"`;

describe('back-office search', () => {
  it('has its own box in the back office', async () => {
    const res = await staff.get('/admin/orders');
    expect(res.body).toContain('action="/admin/search"');
    expect(res.body).toContain('role="search"');
  });

  it('opens the order straight away for a whole order number, in any case', async () => {
    for (const q of [NUMBER, NUMBER.toLowerCase(), ` ${NUMBER} `]) {
      const res = await search(q);
      expect(res.statusCode, q).toBe(303);
      expect(res.headers.location).toBe(`/admin/orders/${NUMBER}`);
    }
  });

  it.each([
    ['part of the order number', '900417'],
    ['the order number in lower case, partly', 'hc-2026-9004'],
    ['the PI number', 'PI-2026-900417'],
    ['part of the PI number, lower case', 'pi-2026-9004'],
    ['the buyer name', 'okonkwo-lind'],
    ['the buyer e-mail', 'B.OKONKWO@minerfarm'],
    ['the tracking number', '1z999aa1012'],
    ['the payment reference', '0x9f8e7d'],
    ['the unit serial number', 'ynahb7q2'],
  ])('finds the order by %s', async (_kind, q) => {
    const res = await search(q);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(orderLink);
  });

  it('says which tracking number matched', async () => {
    expect((await search('AA10123456')).body).toContain('Tracking 1Z999AA10123456784');
  });

  it('finds a customer by name or e-mail, and never lists staff as customers', async () => {
    const byName = await search('Test customer');
    expect(byName.body).toContain(`href="/admin/customers/${customerId}"`);
    const buyerEmail = (await t.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, customerId) }))!.email;
    expect((await search(buyerEmail.toUpperCase())).body).toContain(`href="/admin/customers/${customerId}"`);
    const staffOnly = await search('Test finance');
    expect(staffOnly.body).not.toContain('href="/admin/customers/');
  });

  it('treats %, _ and \\ as themselves, and asks for three characters', async () => {
    for (const q of ['%%%', '___', '\\\\\\']) {
      const res = await search(q);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(orderLink);
      expect(res.body).toContain('Nothing found for');
    }
    const short = await search('HC');
    expect(short.body).toContain('Type at least 3 characters');
    expect(short.body).not.toContain(orderLink);
  });

  it('finds an order by the name and e-mail it now carries, after they were corrected', async () => {
    await t.db
      .update(orders)
      .set({ fullName: 'Beatriz Okonkwo-Lindqvist Haddad', email: 'beatriz.haddad@rigs.example' })
      .where(eq(orders.number, NUMBER));
    for (const q of ['lindqvist haddad', 'BEATRIZ.HADDAD@rigs']) expect((await search(q)).body, q).toContain(orderLink);
    // Back as the other tests expect it.
    await t.db
      .update(orders)
      .set({ fullName: 'Beatriz Okonkwo-Lindqvist', email: 'b.okonkwo@minerfarm.example' })
      .where(eq(orders.number, NUMBER));
  });

  it('lists the newest orders of a buyer with more orders than it reads', async () => {
    const [order] = await t.db.select().from(orders).where(eq(orders.number, NUMBER));
    const { id: _id, number: _n, ...copy } = order!;
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...copy,
      number: `HC-2026-7${String(i).padStart(5, '0')}`,
      fullName: 'Zanele Many-Orders',
      email: `zanele${i % 3}@many.example`,
      createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
    }));
    await t.db.insert(orders).values(many);
    const body = (await search('many')).body;
    const listed = [...body.matchAll(/href="\/admin\/orders\/(HC-2026-7\d{5})"/g)].map((m) => m[1]);
    expect(new Set(listed).size).toBe(10);
    await t.db.delete(orders).where(like(orders.number, 'HC-2026-7%'));
  });

  it('keeps what was searched in the box', async () => {
    expect((await search('okonkwo')).body).toContain('value="okonkwo"');
  });

  it('refuses customers and visitors', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    expect((await search('okonkwo', client)).statusCode).toBe(403);
    expect((await search(NUMBER, client)).statusCode).toBe(403);
    const visitor = await search('okonkwo', new BrowserClient(t.app));
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toMatch(/^\/login/);
  });
});
