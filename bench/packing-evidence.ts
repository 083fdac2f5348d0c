/**
 * Packing evidence the warehouse records before it may ship (issue #5), through the same
 * forms as the staff order page: a sealed parcel, one photo, and each serial-numbered
 * unit with a burn-in result. Answers the first status that is not the forms' 303.
 */
import sharp from 'sharp';
import type { Browser } from './browser.js';

export const packingPhoto = () =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 140, g: 110, b: 70 } } })
    .jpeg()
    .toBuffer();

export async function recordPackingEvidence(
  warehouse: Browser,
  number: string,
  seed: number,
  photo: Buffer,
): Promise<number> {
  const parcel = await warehouse.post(`/admin/orders/${number}/packing/parcels`, { seals: `BENCH-SEAL-${seed}` });
  if (parcel.status !== 303) return parcel.status;
  let page = await warehouse.get(`/admin/orders/${number}`);
  const parcelId = new RegExp(`/admin/orders/${number}/packing/parcels/(\\d+)/files`).exec(page.body)?.[1];
  if (!parcelId) return 0;
  const form = new FormData();
  form.set('files', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'packed.jpg');
  const upload = await warehouse.postMultipart(`/admin/orders/${number}/packing/parcels/${parcelId}/files`, form);
  if (upload.status !== 303) return upload.status;
  page = await warehouse.get(`/admin/orders/${number}`);
  // The unit form lists serial-numbered lines in the same order as their "n of N recorded" counts.
  const select = /name="orderLineId"[^>]*>([\s\S]*?)<\/select>/.exec(page.body)?.[1] ?? '';
  const lineIds = [...select.matchAll(/value="(\d+)"/g)].map((m) => m[1]!);
  const needed = [...page.body.matchAll(/(\d+) of (\d+) recorded/g)].map((m) => Number(m[2]) - Number(m[1]));
  for (const [k, lineId] of lineIds.entries()) {
    for (let u = 0; u < (needed[k] ?? 0); u++) {
      const unit = await warehouse.post(`/admin/orders/${number}/packing/units`, {
        parcelId,
        orderLineId: lineId,
        serialNumber: `BENCH-${seed}-${lineId}-${u}`,
        hashrate: '100',
        hashrateUnit: 'TH/s',
        hours: '4',
        passed: 'pass',
      });
      if (unit.status !== 303) return unit.status;
    }
  }
  return 303;
}
