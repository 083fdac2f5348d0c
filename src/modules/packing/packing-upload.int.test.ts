import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { mp4Header } from '../../../test/media.js';
import { placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { orders, packingFiles, packingParcels } from '../../platform/db/schema.js';

/**
 * A large video goes through a real socket (inject would hold the whole body): the
 * server must stream it to disk with bounded memory, and an upload cut off midway must
 * leave neither a file nor a row.
 */
let t: TestApp;
let warehouse: BrowserClient;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  warehouse = (await loggedInClient(t.app, t.db, 'warehouse')).client;
  await warehouse.get('/admin');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

const MB = 1024 * 1024;
/** Just under the 1 GB video limit. */
const VIDEO_MB = 1000;
const packingDir = () => join(t.storageDir, 'packing');
const stored = () => {
  try {
    return readdirSync(packingDir());
  } catch {
    return [];
  }
};

const until = async (done: () => boolean) => {
  const deadline = Date.now() + 10_000;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
};

async function parcelOnReadyOrder() {
  const buyer = (await loggedInClient(t.app, t.db)).client;
  const { number } = await placeOrder(buyer, t.db);
  const [order] = await t.db
    .update(orders)
    .set({ status: 'ready_to_ship' })
    .where(eq(orders.number, number))
    .returning();
  const [parcel] = await t.db
    .insert(packingParcels)
    .values({ orderId: order!.id, position: 1, sealNumbers: ['S-1'], recordedBy: order!.customerId })
    .returning();
  return { number, order: order!, parcel: parcel! };
}

/**
 * Sends a multipart upload of an MP4 header followed by `megabytes` of filler, written
 * chunk by chunk with backpressure (the test holds one 1 MB chunk, never the file).
 * With `abortAfter`, the socket is destroyed after that many megabytes.
 */
function sendVideo(number: string, parcelId: number, megabytes: number, abortAfter?: number) {
  const boundary = `----hashcart${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\ncontent-disposition: form-data; name="_csrf"\r\n\r\n${warehouse.csrf}\r\n` +
      `--${boundary}\r\ncontent-disposition: form-data; name="files"; filename="burn-in.mp4"\r\ncontent-type: video/mp4\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const header = mp4Header();
  const chunk = Buffer.alloc(MB, 0x5a);
  const length = head.length + header.length + megabytes * MB + tail.length;
  return new Promise<{ status?: number; aborted: boolean }>((resolve, reject) => {
    const req = request(`${base}/admin/orders/${number}/packing/parcels/${parcelId}/files`, {
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': length,
        cookie: warehouse.cookieHeader,
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, aborted: false }));
    });
    req.on('error', (err) => (abortAfter === undefined ? reject(err) : resolve({ aborted: true })));
    (async () => {
      const write = (b: Buffer) =>
        req.write(b) ? Promise.resolve() : new Promise<void>((r) => req.once('drain', () => r()));
      await write(head);
      await write(header);
      for (let i = 0; i < megabytes; i++) {
        if (abortAfter !== undefined && i === abortAfter) {
          await until(() => stored().some((f) => f.endsWith('.partial'))); // cut off while the server is writing
          req.destroy();
          return;
        }
        await write(chunk);
      }
      req.end(tail);
    })().catch(reject);
  });
}

describe('large and interrupted uploads', () => {
  it('streams a 1,000 MB video (the limit is 1 GB) to storage with resident memory growing less than 100 MB', async () => {
    const { number, order, parcel } = await parcelOnReadyOrder();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const res = await sendVideo(number, parcel.id, VIDEO_MB);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(res.status).toBe(303);
    const growth = (peak - before) / MB;
    console.info(`packing upload: ${VIDEO_MB} MB video, rss growth ${growth.toFixed(1)} MB`);
    expect(growth).toBeLessThan(100);
    const [file] = await t.db.select().from(packingFiles).where(eq(packingFiles.orderId, order.id));
    expect(file).toMatchObject({
      kind: 'video',
      mimeType: 'video/mp4',
      sizeBytes: VIDEO_MB * MB + mp4Header().length,
      previewKey: null,
    });
  }, 180_000);

  it('leaves no file and no row when the client goes away mid-upload', async () => {
    const { number, order, parcel } = await parcelOnReadyOrder();
    const filesBefore = stored().filter((f) => !f.endsWith('.partial'));
    const res = await sendVideo(number, parcel.id, 64, 16);
    expect(res.aborted).toBe(true);
    // The server notices the closed socket asynchronously: wait for the partial file to go.
    const deadline = Date.now() + 10_000;
    while (stored().some((f) => f.endsWith('.partial')) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200));
    expect(stored()).toEqual(filesBefore);
    expect(await t.db.select().from(packingFiles).where(eq(packingFiles.orderId, order.id))).toEqual([]);
  });
});
