import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { jpeg } from '../../../test/media.js';
import { multipart, placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { orders, packingParcels } from '../../platform/db/schema.js';
import { pdfText } from '../invoices/pdf-text.test-helper.js';

let t: TestApp;
let staff: Record<'warehouse' | 'sales' | 'finance' | 'support' | 'admin', BrowserClient>;
beforeAll(async () => {
  t = await createTestApp();
  staff = {
    warehouse: (await loggedInClient(t.app, t.db, 'warehouse')).client,
    sales: (await loggedInClient(t.app, t.db, 'sales')).client,
    finance: (await loggedInClient(t.app, t.db, 'finance')).client,
    support: (await loggedInClient(t.app, t.db, 'support')).client,
    admin: (await loggedInClient(t.app, t.db, 'admin')).client,
  };
  for (const c of Object.values(staff)) await c.get('/admin');
});
afterAll(() => t.close());

const slipUrl = (number: string) => `/admin/orders/${number}/packing-slip.pdf`;

/** A paid order of two miners with two parcels, their seals, a photo and both serials. */
async function packedOrder(status: 'ready_to_ship' | 'awaiting_payment' = 'ready_to_ship') {
  const buyer = (await loggedInClient(t.app, t.db)).client;
  const { number } = await placeOrder(buyer, t.db, { quantity: 2 });
  const [order] = await t.db
    .update(orders)
    .set({ status: 'ready_to_ship', approvedAt: new Date(), totalCents: 1_234_567, freightCents: 98_765 })
    .where(eq(orders.number, number))
    .returning();
  const w = staff.warehouse;
  await w.get(`/admin/orders/${number}`);
  expect((await w.post(`/admin/orders/${number}/packing/parcels`, { seals: 'SEAL-7781\nSEAL-7782' })).statusCode).toBe(
    303,
  );
  expect((await w.post(`/admin/orders/${number}/packing/parcels`, { seals: 'SEAL-9901' })).statusCode).toBe(303);
  const parcels = await t.db
    .select()
    .from(packingParcels)
    .where(eq(packingParcels.orderId, order!.id))
    .orderBy(packingParcels.position);
  const body = multipart({ _csrf: w.csrf }, [
    { field: 'files', name: 'box.jpg', type: 'image/jpeg', data: await jpeg() },
  ]);
  await t.app.inject({
    method: 'POST',
    url: `/admin/orders/${number}/packing/parcels/${parcels[0]!.id}/files`,
    payload: body.payload,
    remoteAddress: w.ip,
    headers: { 'content-type': body.contentType, cookie: w.cookieHeader },
  });
  const line = /name="orderLineId"[\s\S]*?<option value="(\d+)"/.exec(
    (await w.get(`/admin/orders/${number}`)).body,
  )![1]!;
  const burnIn = { hashrate: '198.5', hashrateUnit: 'TH/s', hours: '4', passed: 'pass' };
  for (const [serial, parcel] of [
    ['SN-SLIP-0001', parcels[0]!],
    ['SN-SLIP-0002', parcels[1]!],
  ] as const) {
    const res = await w.post(`/admin/orders/${number}/packing/units`, {
      parcelId: String(parcel.id),
      orderLineId: line,
      serialNumber: serial,
      ...burnIn,
    });
    expect(res.statusCode).toBe(303);
  }
  if (status !== 'ready_to_ship') await t.db.update(orders).set({ status }).where(eq(orders.number, number));
  return { buyer, number, order: order! };
}

describe('packing slip', () => {
  it('prints the ship-to, lines with quantities, serials and each parcel with its seals and contents, and no money', async () => {
    const o = await packedOrder();
    const page = await staff.warehouse.get(`/admin/orders/${o.number}`);
    expect(page.body).toContain(`href="${slipUrl(o.number)}"`);
    expect(page.body).toContain('Packing slip');

    const res = await staff.warehouse.get(slipUrl(o.number));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const { text } = await pdfText(res.rawPayload);
    expect(text).toContain('PACKING SLIP');
    expect(text).toContain(o.number);
    expect(text).toContain(o.order.fullName);
    expect(text).toContain(o.order.city);
    expect(text).toMatch(/Qty .*Serial numbers/);
    expect(text).toMatch(/ 2 SN-SLIP-0001, SN-SLIP-0002/);
    expect(text).toContain('Parcel 1');
    expect(text).toContain('SEAL-7781, SEAL-7782');
    expect(text).toContain('Parcel 2');
    expect(text).toContain('SEAL-9901');
    expect(text).toMatch(/Parcel 1 .*SN-SLIP-0001 .*Parcel 2 .*SN-SLIP-0002/);
    // The slip travels in the box: no price, total or freight anywhere.
    expect(text).not.toMatch(/\$|USD|12,345|987\.65|Total|Price|Freight/i);
  });

  it('is in the staff member’s language', async () => {
    const o = await packedOrder();
    const sales = (await loggedInClient(t.app, t.db, 'sales')).client;
    await sales.get('/admin');
    await sales.post('/locale', { locale: 'es', back: '/admin' });
    const page = await sales.get(`/admin/orders/${o.number}`);
    expect(page.body).toContain('Albarán');
    const { text } = await pdfText((await sales.get(slipUrl(o.number))).rawPayload);
    expect(text).toContain('ALBARÁN');
    expect(text).toContain('ENVIAR A');
    expect(text).toContain('Números de serie');
    expect(text).toContain('Bulto 2');
    expect(text).toContain('Precintos');
    expect(text).toContain('SN-SLIP-0002');
  });

  it('answers 404 to the buyer and to an unknown or unpaid order, 403 to staff who do not pack', async () => {
    const o = await packedOrder();
    expect((await o.buyer.get(slipUrl(o.number))).statusCode).toBe(404);
    expect((await o.buyer.get(`/orders/${o.number}/packing-slip.pdf`)).statusCode).toBe(404);
    for (const who of [staff.finance, staff.support]) {
      expect((await who.get(slipUrl(o.number))).statusCode).toBe(403);
      expect((await who.get(`/admin/orders/${o.number}`)).body).not.toContain(slipUrl(o.number));
    }
    expect((await staff.sales.get(slipUrl(o.number))).statusCode).toBe(200);
    expect((await staff.admin.get(slipUrl(o.number))).statusCode).toBe(200);
    expect((await staff.warehouse.get(slipUrl('HC-2099-999999'))).statusCode).toBe(404);
    const unpaid = await packedOrder('awaiting_payment');
    expect((await staff.warehouse.get(slipUrl(unpaid.number))).statusCode).toBe(404);
    expect((await staff.warehouse.get(`/admin/orders/${unpaid.number}`)).body).not.toContain(slipUrl(unpaid.number));
    // A visitor logs in first.
    const visitor = await t.app.inject({ method: 'GET', url: slipUrl(o.number) });
    expect(visitor.statusCode).toBe(303);
  });
});
