import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { exe, hugePng, jpeg, mp4, svg } from '../../../test/media.js';
import { type MultipartFile, multipart, placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { orders, packingFiles, packingParcels, packingUnits } from '../../platform/db/schema.js';
import { currentUnitsOf } from './index.js';

let t: TestApp;
let staff: Record<'warehouse' | 'sales' | 'finance' | 'admin', BrowserClient>;
beforeAll(async () => {
  t = await createTestApp();
  staff = {
    warehouse: (await loggedInClient(t.app, t.db, 'warehouse')).client,
    sales: (await loggedInClient(t.app, t.db, 'sales')).client,
    finance: (await loggedInClient(t.app, t.db, 'finance')).client,
    admin: (await loggedInClient(t.app, t.db, 'admin')).client,
  };
  for (const c of Object.values(staff)) await c.get('/admin');
});
afterAll(() => t.close());

const photo = async (): Promise<MultipartFile> => ({
  field: 'files',
  name: 'box.jpg',
  type: 'image/jpeg',
  data: await jpeg(),
});
const video: MultipartFile = { field: 'files', name: 'sealing.mp4', type: 'video/mp4', data: mp4() };

/** A paid order of two miners, waiting for the warehouse (payment flow is tested in orders). */
async function readyOrder(status: 'ready_to_ship' | 'awaiting_payment' | 'cancelled' = 'ready_to_ship') {
  const buyer = (await loggedInClient(t.app, t.db)).client;
  const { number } = await placeOrder(buyer, t.db, { quantity: 2 });
  const [order] = await t.db
    .update(orders)
    .set({ status, approvedAt: new Date() })
    .where(eq(orders.number, number))
    .returning();
  await staff.warehouse.get(`/admin/orders/${number}`);
  return { buyer, number, order: order! };
}

const upload = (
  client: BrowserClient,
  number: string,
  parcelId: number,
  files: MultipartFile[],
  fields: Record<string, string> = {},
) => {
  const body = multipart({ _csrf: client.csrf, ...fields }, files);
  return t.app.inject({
    method: 'POST',
    url: `/admin/orders/${number}/packing/parcels/${parcelId}/files`,
    payload: body.payload,
    remoteAddress: client.ip,
    headers: { 'content-type': body.contentType, cookie: client.cookieHeader },
  });
};
const addParcel = (number: string, seals: string, extra: Record<string, string> = {}, who = staff.warehouse) =>
  who.post(`/admin/orders/${number}/packing/parcels`, { seals, ...extra });
const parcelsOf = (orderId: number) => t.db.select().from(packingParcels).where(eq(packingParcels.orderId, orderId));
const unitsOf = (orderId: number) => t.db.select().from(packingUnits).where(eq(packingUnits.orderId, orderId));
const lineId = async (number: string) =>
  /name="orderLineId"[\s\S]*?<option value="(\d+)"/.exec(
    (await staff.warehouse.get(`/admin/orders/${number}`)).body,
  )![1]!;
const unit = (number: string, fields: Record<string, string>) =>
  staff.warehouse.post(`/admin/orders/${number}/packing/units`, fields);
const ship = (number: string) =>
  staff.warehouse.post(`/admin/orders/${number}/ship`, { carrier: 'DHL', tracking: 'ABCD123456' });
const burnIn = { hashrate: '198.5', hashrateUnit: 'TH/s', hours: '4', passed: 'pass' };

/** Parcel + photo + video + both miners' serials and burn-in: complete evidence. */
async function packFully(number: string, orderId: number) {
  expect((await addParcel(number, 'SEAL-0001\nSEAL-0002')).statusCode).toBe(303);
  const [parcel] = await parcelsOf(orderId);
  expect((await upload(staff.warehouse, number, parcel!.id, [await photo(), video])).statusCode).toBe(303);
  const line = await lineId(number);
  for (const serial of ['HB-A1', 'HB-A2']) {
    expect(
      (await unit(number, { parcelId: String(parcel!.id), orderLineId: line, serialNumber: serial, ...burnIn }))
        .statusCode,
    ).toBe(303);
  }
  return { parcel: parcel!, line };
}

describe('recording packing evidence', () => {
  it('warehouse records a parcel, its photos and videos and each miner; then ships; the buyer sees previews, never photo originals', async () => {
    const o = await readyOrder();
    expect((await ship(o.number)).body).toContain('Add at least one parcel with its seal numbers before shipping.');
    const { parcel } = await packFully(o.number, o.order.id);
    expect(parcel.sealNumbers).toEqual(['SEAL-0001', 'SEAL-0002']);
    const files = await t.db.select().from(packingFiles).where(eq(packingFiles.orderId, o.order.id));
    expect(files.map((f) => [f.kind, f.mimeType, !!f.previewKey])).toEqual([
      ['photo', 'image/jpeg', true],
      ['video', 'video/mp4', false],
    ]);
    const staffPage = await staff.warehouse.get(`/admin/orders/${o.number}`);
    expect(staffPage.body).toContain('Packing evidence is complete');
    expect(staffPage.body).toContain('/assets/upload-progress.js');

    // Not shown to the buyer before shipping, files included.
    expect((await o.buyer.get(`/orders/${o.number}`)).body).not.toContain('SEAL-0001');
    expect((await o.buyer.get(`/orders/${o.number}/packing/files/${files[0]!.id}/preview`)).statusCode).toBe(404);

    expect((await ship(o.number)).statusCode).toBe(303);
    const page = await o.buyer.get(`/orders/${o.number}`);
    expect(page.body).toContain('SEAL-0002');
    expect(page.body).toContain('HB-A1');
    expect(page.body).toContain('198.5 TH/s');
    expect(page.body).toContain(`/orders/${o.number}/packing/files/${files[0]!.id}/preview`);
    expect(page.body).not.toContain(`/orders/${o.number}/packing/files/${files[0]!.id}"`);
    expect(page.body).toContain(`<video controls src="/orders/${o.number}/packing/files/${files[1]!.id}"`);

    const preview = await o.buyer.get(`/orders/${o.number}/packing/files/${files[0]!.id}/preview`);
    expect(preview.headers['content-type']).toBe('image/webp');
    expect(preview.headers['content-disposition']).toMatch(/^inline/);
    expect(preview.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(preview.headers['x-content-type-options']).toBe('nosniff');
    expect((await o.buyer.get(`/orders/${o.number}/packing/files/${files[0]!.id}`)).statusCode).toBe(404);
    const clip = await o.buyer.get(`/orders/${o.number}/packing/files/${files[1]!.id}`);
    expect(clip.headers['content-type']).toBe('video/mp4');
    expect(clip.headers['content-disposition']).toMatch(/^attachment/);
    expect(clip.rawPayload.equals(mp4())).toBe(true);
    // A <video> seeks with byte ranges instead of downloading the whole file.
    const seek = await o.buyer.get(`/orders/${o.number}/packing/files/${files[1]!.id}`, { range: 'bytes=4-11' });
    expect(seek.statusCode).toBe(206);
    expect(seek.headers['content-range']).toBe(`bytes 4-11/${mp4().length}`);
    expect(seek.rawPayload.equals(mp4().subarray(4, 12))).toBe(true);
    const past = await o.buyer.get(`/orders/${o.number}/packing/files/${files[1]!.id}`, { range: 'bytes=999999-' });
    expect(past.statusCode).toBe(416);
    const original = await staff.sales.get(`/admin/orders/${o.number}/packing/files/${files[0]!.id}`);
    expect(original.headers['content-type']).toBe('image/jpeg');
    expect(original.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('refuses other roles, and answers 404 to another customer', async () => {
    const o = await readyOrder();
    const { parcel } = await packFully(o.number, o.order.id);
    const [file] = await t.db.select().from(packingFiles).where(eq(packingFiles.parcelId, parcel.id));
    for (const who of [staff.sales, staff.finance, o.buyer]) {
      expect((await addParcel(o.number, 'SEAL-X', {}, who)).statusCode).toBe(403);
      expect((await upload(who, o.number, parcel.id, [await photo()])).statusCode).toBe(403);
      expect((await who.post(`/admin/orders/${o.number}/packing/units`, { serialNumber: 'X' })).statusCode).toBe(403);
    }
    expect((await addParcel(o.number, 'SEAL-ADMIN', {}, staff.admin)).statusCode).toBe(303);
    expect(await parcelsOf(o.order.id)).toHaveLength(2);
    expect((await ship(o.number)).body).toContain('Every parcel needs at least one photo or video');

    await t.db.update(orders).set({ status: 'shipped' }).where(eq(orders.id, o.order.id));
    const other = (await loggedInClient(t.app, t.db)).client;
    expect((await other.get(`/orders/${o.number}/packing/files/${file!.id}/preview`)).statusCode).toBe(404);
    expect((await o.buyer.get(`/orders/${o.number}/packing/files/${file!.id}/preview`)).statusCode).toBe(200);
    expect((await o.buyer.get(`/orders/${o.number}/packing/files/999999/preview`)).statusCode).toBe(404);
  });

  it('refuses files by their content with a clear message, keeping what was typed and storing nothing', async () => {
    const o = await readyOrder();
    await addParcel(o.number, 'SEAL-1');
    const [parcel] = await parcelsOf(o.order.id);
    await t.db.update(orders).set({ status: 'shipped' }).where(eq(orders.id, o.order.id));
    await staff.warehouse.get(`/admin/orders/${o.number}`);
    for (const bad of [
      { name: 'clip.mp4', type: 'video/mp4', data: exe() },
      { name: 'logo.svg', type: 'image/svg+xml', data: svg() },
    ]) {
      const res = await upload(staff.warehouse, o.number, parcel!.id, [await photo(), { field: 'files', ...bad }], {
        reason: 'Close-up of seal 1',
      });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('Upload photos (JPEG, PNG, WebP) or videos (MP4, MOV, WebM) only');
      expect(res.body).toContain('value="Close-up of seal 1"');
    }
    const bomb = await upload(
      staff.warehouse,
      o.number,
      parcel!.id,
      [{ field: 'files', name: 'seal.png', type: 'image/png', data: hugePng() }],
      { reason: 'Close-up of seal 1' },
    );
    expect(bomb.statusCode).toBe(422);
    expect(bomb.body).toContain('at most 40 megapixels');
    expect(await t.db.select().from(packingFiles).where(eq(packingFiles.orderId, o.order.id))).toEqual([]);
  });

  it('keeps serial numbers unique within the order and each line within its quantity', async () => {
    const o = await readyOrder();
    await addParcel(o.number, 'SEAL-9');
    const [parcel] = await parcelsOf(o.order.id);
    const line = await lineId(o.number);
    const base = { parcelId: String(parcel!.id), orderLineId: line, ...burnIn };
    expect((await unit(o.number, { ...base, serialNumber: 'SN-1' })).statusCode).toBe(303);
    const dup = await unit(o.number, { ...base, serialNumber: ' sn-1 ' });
    expect(dup.statusCode).toBe(422);
    expect(dup.body).toContain('This serial number is already recorded on this order.');
    const noBurnIn = await unit(o.number, {
      parcelId: base.parcelId,
      orderLineId: line,
      serialNumber: 'SN-2',
      hashrate: '',
      hours: '',
      passed: '',
    });
    expect(noBurnIn.body).toContain('Miners need their burn-in result');
    expect((await unit(o.number, { ...base, serialNumber: 'SN-2' })).statusCode).toBe(303);
    expect((await unit(o.number, { ...base, serialNumber: 'SN-3' })).body).toContain(
      'Every unit of this line already has a serial number',
    );
    expect(await unitsOf(o.order.id)).toHaveLength(2);
    expect((await ship(o.number)).body).toContain('Every parcel needs at least one photo or video');
  });

  it('after shipping takes only corrections with a reason; a replaced unit stays on record, struck through', async () => {
    const o = await readyOrder();
    const { parcel, line } = await packFully(o.number, o.order.id);
    expect((await ship(o.number)).statusCode).toBe(303);
    await staff.warehouse.get(`/admin/orders/${o.number}`);
    const [first] = await unitsOf(o.order.id);
    const correction = {
      parcelId: String(parcel.id),
      orderLineId: line,
      serialNumber: 'HB-A1-FIXED',
      ...burnIn,
      correctsUnitId: String(first!.id),
    };
    const noReason = await unit(o.number, correction);
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('give the reason for this correction');
    expect((await addParcel(o.number, 'SEAL-LATE')).body).toContain('give the reason for this correction');
    expect((await upload(staff.warehouse, o.number, parcel.id, [await photo()])).body).toContain(
      'give the reason for this correction',
    );
    expect((await unitsOf(o.order.id)).length).toBe(2);

    expect((await unit(o.number, { ...correction, reason: 'Label misread at packing' })).statusCode).toBe(303);
    const units = await unitsOf(o.order.id);
    expect(units).toHaveLength(3);
    expect(units[2]).toMatchObject({
      correctsUnitId: first!.id,
      correctionReason: 'Label misread at packing',
      serialNumber: 'HB-A1-FIXED',
    });
    expect((await currentUnitsOf(t.db, o.order.id)).map((u) => u.serialNumber)).toEqual(['HB-A2', 'HB-A1-FIXED']);
    const page = await o.buyer.get(`/orders/${o.number}`);
    expect(page.body).toContain('<del>HB-A1</del>');
    expect(page.body).toContain('Label misread at packing');
  });

  it.each(['awaiting_payment', 'cancelled'] as const)('refuses evidence on %s orders', async (status) => {
    const o = await readyOrder(status);
    const res = await addParcel(o.number, 'SEAL-1', { reason: 'anything' });
    expect(res.statusCode).toBe(409);
    expect(await parcelsOf(o.order.id)).toEqual([]);
  });
});
