import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loggedInClient } from '../../../test/browser-client.js';
import { insertProduct } from '../../../test/factories.js';
import { placeOrder } from '../../../test/orders.js';
import { startS3Server } from '../../../test/s3-server.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config.js';
import { type Database, openDatabase } from '../db/client.js';
import { orderLines, orders, users } from '../db/schema.js';
import { createStorage } from '../storage.js';
import { s3Client } from '../storage-s3.js';
import { createBackup, type RestoreTarget, restoreBackup } from './backup.js';
import { MANIFEST } from './manifest.js';

const url = process.env.DATABASE_URL;
const temp = (what: string) => mkdtempSync(join(tmpdir(), `hashcart-${what}-`));
const pgliteOf = (database: Database) => (database.db as unknown as { $client: PGlite }).$client;

/** Fresh, empty PostgreSQL databases for restores (dropped at the end). */
const created: string[] = [];
async function emptyPostgres() {
  const name = `hc_tbk${randomBytes(3).toString('hex')}_${process.ppid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push(name);
  const target = new URL(url!);
  target.pathname = `/${name}`;
  return target.toString();
}

/** A shop with an order and uploaded files: what a backup must bring back. */
async function stockShop(app: TestApp['app'], db: Database['db']) {
  const { client } = await loggedInClient(app, db);
  const { number } = await placeOrder(client, db);
  const storage = app.services.storage;
  const blobs = [Buffer.from('%PDF-1.4 proof of payment'), randomBytes(200_000)];
  const keys = [];
  for (const [i, bytes] of blobs.entries())
    keys.push((await storage.put(Readable.from([bytes]), i ? 'packing' : 'payment-proofs', i ? 'mp4' : 'pdf')).key);
  return { number, files: keys.map((key, i) => ({ key, bytes: blobs[i]! })) };
}

/** Opens what was restored and finds the order (with its lines and buyer) and every file by key. */
async function expectRestored(target: RestoreTarget, filesDir: string, shop: Awaited<ReturnType<typeof stockShop>>) {
  const restored = await openDatabase(
    target.kind === 'postgres' ? target : { kind: 'pglite', dataDir: target.dataDir },
  );
  try {
    const [order] = await restored.db.select().from(orders).where(eq(orders.number, shop.number));
    expect(order?.status).toBe('awaiting_quote');
    expect(await restored.db.select().from(orderLines).where(eq(orderLines.orderId, order!.id))).toHaveLength(1);
    const [buyer] = await restored.db.select().from(users).where(eq(users.id, order!.customerId));
    expect(buyer?.email).toMatch(/@example\.test$/);
    // The restored database goes on numbering after what it holds.
    await insertProduct(restored.db);
  } finally {
    await restored.close();
  }
  const storage = createStorage(filesDir);
  for (const f of shop.files) expect(Buffer.concat(await storage.open(f.key).toArray()).equals(f.bytes)).toBe(true);
}

describe('backup and restore', () => {
  let t: TestApp;
  let shop: Awaited<ReturnType<typeof stockShop>>;
  const dirs: string[] = [];
  const dir = (what: string) => {
    const d = temp(what);
    dirs.push(d);
    return d;
  };
  const freshTarget = async (): Promise<RestoreTarget> =>
    t.database.kind === 'postgres'
      ? { kind: 'postgres', url: await emptyPostgres() }
      : { kind: 'pglite', dataDir: dir('restored') };
  const source = () =>
    t.database.kind === 'postgres'
      ? ({ kind: 'postgres', url: t.database.url! } as const)
      : ({ kind: 'pglite', client: pgliteOf(t.database) } as const);

  beforeAll(async () => {
    t = await createTestApp();
    shop = await stockShop(t.app, t.db);
  });
  afterAll(async () => {
    await t.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('backs up a shop with orders and files and restores it into a fresh place', { timeout: 60_000 }, async () => {
    const out = join(dir('backup'), 'b');
    const manifest = await createBackup({ database: source(), files: { kind: 'local', dir: t.storageDir }, out });
    expect(manifest.database.kind).toBe(t.database.kind);
    expect(manifest.database.migrations.count).toBeGreaterThan(10);
    expect(manifest.database.migrations.last).toMatch(/^\d{4}_/);
    expect(manifest.storage).toMatchObject({ kind: 'local', count: 2 });
    expect(JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')).storage.files).toHaveLength(2);

    const target = await freshTarget();
    const filesDir = join(dir('restored-files'), 'files');
    await restoreBackup({ from: out, database: target, files: { kind: 'local', dir: filesDir } });
    await expectRestored(target, filesDir, shop);

    // A second restore onto what is now a shop is refused: it would mix two shops.
    await expect(
      restoreBackup({ from: out, database: target, files: { kind: 'local', dir: filesDir } }),
    ).rejects.toThrow(/not empty|already has a database/);
  });

  it('refuses a damaged backup before restoring anything', async () => {
    const out = join(dir('backup'), 'b');
    const manifest = await createBackup({ database: source(), files: { kind: 'local', dir: t.storageDir }, out });
    const victim = join(out, 'files', manifest.storage.files[0]!.key);
    writeFileSync(victim, Buffer.concat([readFileSync(victim), Buffer.from('!')]));
    const target = await freshTarget();
    const filesDir = join(dir('restored-files'), 'files');
    await expect(
      restoreBackup({ from: out, database: target, files: { kind: 'local', dir: filesDir } }),
    ).rejects.toThrow(/damaged/);
    if (target.kind === 'pglite') expect(() => readFileSync(join(target.dataDir, 'pglite', 'PG_VERSION'))).toThrow();
  });

  it('syncs the files of an S3 bucket into the backup and back into another bucket', { timeout: 60_000 }, async () => {
    const [from, to] = [await startS3Server('shop-files'), await startS3Server('new-shop-files')];
    try {
      for (const [k, v] of Object.entries(from.env)) vi.stubEnv(k, v);
      const fromConfig = loadConfig(from.env).s3!;
      const toConfig = loadConfig(to.env).s3!;
      expect(fromConfig).toMatchObject({ bucket: 'shop-files', forcePathStyle: true });
      const put = s3Client(fromConfig);
      const objects = {
        'payment-proofs/AAAAAAAAAAAAAAAAAAAAAA.pdf': 'a proof',
        'packing/BBBBBBBBBBBBBBBBBBBBBB.jpg': 'a photo',
      };
      for (const [Key, Body] of Object.entries(objects))
        await put.send(new PutObjectCommand({ Bucket: fromConfig.bucket, Key, Body }));
      put.destroy();

      const out = join(dir('backup'), 'b');
      const manifest = await createBackup({ database: source(), files: { kind: 's3', config: fromConfig }, out });
      expect(manifest.storage).toMatchObject({ kind: 's3', bucket: 'shop-files', count: 2 });
      await restoreBackup({ from: out, database: await freshTarget(), files: { kind: 's3', config: toConfig } });

      const get = s3Client(toConfig);
      const listed = await get.send(new ListObjectsV2Command({ Bucket: toConfig.bucket }));
      expect(listed.Contents?.map((o) => o.Key).sort()).toEqual(Object.keys(objects).sort());
      for (const [Key, body] of Object.entries(objects)) {
        const got = await get.send(new GetObjectCommand({ Bucket: toConfig.bucket, Key }));
        expect(await text(got.Body as Readable)).toBe(body);
      }
      get.destroy();
    } finally {
      vi.unstubAllEnvs();
      await from.close();
      await to.close();
    }
  });

  it.skipIf(!url)('moves a shop from the embedded database to PostgreSQL', { timeout: 90_000 }, async () => {
    const dataDir = dir('pglite-shop');
    const embedded = await openDatabase({ kind: 'pglite' });
    const app = await buildApp(
      loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', LOG_LEVEL: 'silent', DATA_DIR: dataDir }),
      { database: embedded, logger: false, sweep: false },
    );
    try {
      const small = await stockShop(app, embedded.db);
      const out = join(dir('backup'), 'b');
      const manifest = await createBackup({
        database: { kind: 'pglite', client: pgliteOf(embedded) },
        files: { kind: 'local', dir: join(dataDir, 'files') },
        out,
      });
      expect(manifest.database.kind).toBe('pglite');
      const target = { kind: 'postgres', url: await emptyPostgres() } as const;
      const filesDir = join(dir('moved-files'), 'files');
      const { copied } = await restoreBackup({ from: out, database: target, files: { kind: 'local', dir: filesDir } });
      expect(copied?.orders).toBe(1);
      await expectRestored(target, filesDir, small);
    } finally {
      await app.close();
      await embedded.close();
    }
  });
});
