import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedInClient } from '../../../test/browser-client.js';
import { jpeg, mp4 } from '../../../test/media.js';
import { multipart, placeOrder } from '../../../test/orders.js';
import { type S3TestServer, startS3Server } from '../../../test/s3-server.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../platform/config.js';
import { orders, packingFiles, packingParcels } from '../../platform/db/schema.js';

// Packing evidence kept in an S3 bucket: uploaded through one app process, served (whole, and
// by byte range for a <video>) by another that has nothing on its own disk.
let s3: S3TestServer;
let t: TestApp;
let other: FastifyInstance;
let otherDir: string;
beforeAll(async () => {
  s3 = await startS3Server();
  t = await createTestApp(s3.env);
  otherDir = mkdtempSync(join(tmpdir(), 'hashcart-other-'));
  other = await buildApp(loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', DATA_DIR: otherDir, ...s3.env }), {
    database: t.database,
    logger: false,
    sweep: false,
  });
});
afterAll(async () => {
  await other.close();
  await t.close();
  await s3.close();
  rmSync(otherDir, { recursive: true, force: true });
});

describe('packing evidence on S3', () => {
  it('a video uploaded through one process downloads and seeks through another', async () => {
    const warehouse = (await loggedInClient(t.app, t.db, 'warehouse')).client;
    const buyer = (await loggedInClient(t.app, t.db)).client;
    const { number } = await placeOrder(buyer, t.db, { quantity: 1 });
    const [order] = await t.db
      .update(orders)
      .set({ status: 'ready_to_ship', approvedAt: new Date() })
      .where(eq(orders.number, number))
      .returning();
    await warehouse.get(`/admin/orders/${number}`);
    expect((await warehouse.post(`/admin/orders/${number}/packing/parcels`, { seals: 'SEAL-S3-1' })).statusCode).toBe(
      303,
    );
    const [parcel] = await t.db.select().from(packingParcels).where(eq(packingParcels.orderId, order!.id));
    const video = mp4(300_000);
    const body = multipart({ _csrf: warehouse.csrf }, [
      { field: 'files', name: 'box.jpg', type: 'image/jpeg', data: await jpeg() },
      { field: 'files', name: 'sealing.mp4', type: 'video/mp4', data: video },
    ]);
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/admin/orders/${number}/packing/parcels/${parcel!.id}/files`,
      payload: body.payload,
      remoteAddress: warehouse.ip,
      headers: { 'content-type': body.contentType, cookie: warehouse.cookieHeader },
    });
    expect(uploaded.statusCode).toBe(303);
    const files = await t.db.select().from(packingFiles).where(eq(packingFiles.orderId, order!.id));
    const clip = files.find((f) => f.kind === 'video')!;
    expect(clip.sizeBytes).toBe(video.length);
    expect(existsSync(t.storageDir), 'nothing on the uploading process’s disk').toBe(false);

    // The same session, served by the other process.
    const get = (url: string, headers: Record<string, string> = {}) =>
      other.inject({
        method: 'GET',
        url,
        remoteAddress: warehouse.ip,
        headers: { cookie: warehouse.cookieHeader, ...headers },
      });
    const url = `/admin/orders/${number}/packing/files/${clip.id}`;
    const whole = await get(url);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-length']).toBe(String(video.length));
    expect(whole.rawPayload.equals(video)).toBe(true);
    const seek = await get(url, { range: 'bytes=200000-200099' });
    expect(seek.statusCode).toBe(206);
    expect(seek.headers['content-range']).toBe(`bytes 200000-200099/${video.length}`);
    expect(seek.rawPayload.equals(video.subarray(200_000, 200_100))).toBe(true);
    const first = await get(url, { range: 'bytes=0-0' });
    expect(first.rawPayload.equals(video.subarray(0, 1))).toBe(true);
    expect((await get(url, { range: 'bytes=999999999-' })).statusCode).toBe(416);
    const preview = await get(
      `/admin/orders/${number}/packing/files/${files.find((f) => f.kind === 'photo')!.id}/preview`,
    );
    expect(preview.headers['content-type']).toBe('image/webp');
  });
});
