import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedInClient } from '../../test/browser-client.js';
import { insertProduct } from '../../test/factories.js';
import { placeOrder } from '../../test/orders.js';
import { type S3TestServer, startS3Server } from '../../test/s3-server.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { fileOwners } from '../app.js';
import { findOrderByNumber } from '../modules/orders/index.js';
import { paymentProofs, repairCenters } from './db/schema.js';
import { ORPHAN_GRACE_MS, sweepOrphanFiles } from './file-sweep.js';

describe.each(['local disk', 'S3'] as const)('orphan file sweep (%s)', (driver) => {
  let t: TestApp;
  let s3: S3TestServer | undefined;
  beforeAll(async () => {
    s3 = driver === 'S3' ? await startS3Server() : undefined;
    t = await createTestApp(s3?.env);
  });
  afterAll(async () => {
    await t.close();
    await s3?.close();
  });

  const put = async (folder: string, ext = 'webp') =>
    (await t.app.services.storage.put(Readable.from([Buffer.from(folder)]), folder, ext)).key;
  const age = (key: string, ms: number) => {
    if (s3) return s3.age(key, ms);
    const when = new Date(Date.now() - ms);
    utimesSync(join(t.storageDir, key), when, when);
  };
  const stored = (key: string) => (s3 ? t.app.services.storage.exists(key) : existsSync(join(t.storageDir, key)));

  it('removes old unreferenced files and stale partial uploads, keeps referenced, recent and unclaimed ones', async () => {
    const old = ORPHAN_GRACE_MS + 60_000;
    const picture = await put('products');
    const droppedPicture = await put('products');
    await insertProduct(t.db, { images: [`/media/${picture}`] });
    const photo = await put('repair-centers');
    const pendingPhoto = await put('repair-centers');
    const replacedPhoto = await put('repair-centers');
    const buyer = await loggedInClient(t.app, t.db);
    await t.db.insert(repairCenters).values({
      ownerId: buyer.user.id,
      name: 'Sweep Test Repairs',
      country: 'KZ',
      city: 'Almaty',
      address: 'Abay 1',
      phone: '+7 700 000 0000',
      email: 'sweep@example.test',
      photos: [photo],
      pending: { photos: [pendingPhoto] } as never,
    });
    const proof = await put('proofs', 'pdf');
    const { number } = await placeOrder(buyer.client, t.db);
    const order = await findOrderByNumber(t.db, number);
    await t.db.insert(paymentProofs).values({
      orderId: order!.id,
      uploadedBy: buyer.user.id,
      fileKey: proof,
      mimeType: 'application/pdf',
      sizeBytes: 6,
      sha256: 'f'.repeat(64),
      amountCents: 100,
      reference: 'SWEEP-1',
      paidOn: '2026-11-20',
    });
    const proofWithoutRow = await put('proofs', 'pdf');
    const freshOrphan = await put('proofs', 'pdf');
    const unclaimed = await put('elsewhere');
    for (const key of [picture, droppedPicture, photo, pendingPhoto, replacedPhoto, proof, proofWithoutRow, unclaimed])
      age(key, old);
    // On disk, an upload a crash cut short; s3rver cannot list unfinished multipart uploads (ADR 0024).
    const partial = join(t.storageDir, 'proofs', 'abandoned.pdf.partial');
    if (!s3) {
      writeFileSync(partial, 'half an upload');
      utimesSync(partial, new Date(Date.now() - old), new Date(Date.now() - old));
    }

    const removed = await sweepOrphanFiles(t.db, t.app.services.storage, fileOwners);

    expect(removed).toBe(s3 ? 3 : 4);
    for (const key of [droppedPicture, replacedPhoto, proofWithoutRow]) expect(await stored(key), key).toBe(false);
    expect(existsSync(partial)).toBe(false);
    for (const key of [picture, photo, pendingPhoto, proof, freshOrphan, unclaimed])
      expect(await stored(key), key).toBe(true);
    if (s3) expect(existsSync(join(t.storageDir, picture)), 'kept in the bucket, not on disk').toBe(false);
  });
});
