import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from './storage.js';

/** What a driver's test run gives the contract: the storage, and the means to make files look old. */
export interface StorageHarness {
  storage: Storage;
  /** Backdates a stored file's last-modified time by `ms`. */
  age(key: string, ms: number): void;
  /** Leaves an unfinished upload started `ms` ago; null when the server can list none (then nothing can clean it). */
  stalePartial(folder: string, ms: number): Promise<{ present(): Promise<boolean> } | null>;
  /** A storage of the same kind that cannot be reached or written, for the readiness check. */
  unreachable(): Storage;
  close(): Promise<void>;
}

const MiB = 1024 * 1024;
const HOUR = 3_600_000;

async function readAll(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Bytes that differ at every offset, so a range read from the wrong place cannot pass. */
function pattern(size: number) {
  const b = Buffer.alloc(size);
  for (let i = 0; i + 4 <= size; i += 4) b.writeUInt32BE(i >>> 0, i);
  return b;
}

/** A source that yields `good` bytes in 1 MiB chunks, then fails (a client abort, a file over its limit). */
function failingSource(good: Buffer) {
  return Readable.from(
    (async function* () {
      for (let i = 0; i < good.length; i += MiB) yield good.subarray(i, i + MiB);
      throw new Error('client went away');
    })(),
    { objectMode: false },
  );
}

/** The behaviour every `Storage` driver owes the rest of the app; each driver's test file runs it. */
export function storageContract(name: string, open: () => Promise<StorageHarness>) {
  describe(`storage contract: ${name}`, () => {
    let h: StorageHarness;
    let storage: Storage;
    beforeAll(async () => {
      h = await open();
      storage = h.storage;
    });
    afterAll(() => h?.close());

    const future = () => new Date(Date.now() + HOUR);

    it('stores a stream under a fresh key in its folder, with its size and sha256, and reads it back', async () => {
      const body = Buffer.from('a payment proof, more or less');
      const a = await storage.put(Readable.from([body.subarray(0, 5), body.subarray(5)]), 'proofs', 'pdf');
      const b = await storage.put(Readable.from([body]), 'proofs', 'pdf');
      expect(a.key).toMatch(/^proofs\/[A-Za-z0-9_-]{22}\.pdf$/);
      expect(a.key).not.toBe(b.key);
      expect(a).toMatchObject({ size: body.length, sha256: sha(body) });
      expect(await readAll(storage.open(a.key))).toEqual(body);
      expect(await storage.size(a.key)).toBe(body.length);
      expect(await storage.exists(a.key)).toBe(true);
    });

    it('reads inclusive byte ranges (video seeking)', async () => {
      const body = pattern(64 * 1024);
      const { key } = await storage.put(Readable.from([body]), 'packing', 'mp4');
      expect(await readAll(storage.open(key, { start: 0, end: 0 }))).toEqual(body.subarray(0, 1));
      expect(await readAll(storage.open(key, { start: 1000, end: 1999 }))).toEqual(body.subarray(1000, 2000));
      expect(await readAll(storage.open(key, { start: body.length - 7, end: body.length - 1 }))).toEqual(
        body.subarray(body.length - 7),
      );
    });

    it('streams a file larger than one multipart part, with the right hash, and seeks across a part boundary', async () => {
      const body = pattern(11 * MiB + 123);
      const stored = await storage.put(
        Readable.from(
          (function* () {
            for (let i = 0; i < body.length; i += 256 * 1024) yield body.subarray(i, i + 256 * 1024);
          })(),
        ),
        'packing',
        'mp4',
      );
      expect(stored).toMatchObject({ size: body.length, sha256: sha(body) });
      expect(await storage.size(stored.key)).toBe(body.length);
      const start = 5 * MiB - 10;
      expect(await readAll(storage.open(stored.key, { start, end: start + 19 }))).toEqual(
        body.subarray(start, start + 20),
      );
      expect(sha(await readAll(storage.open(stored.key)))).toBe(stored.sha256);
    });

    it('keeps nothing visible of an upload whose source fails, small or multipart', async () => {
      await expect(storage.put(failingSource(Buffer.from('half')), 'case-files', 'jpg')).rejects.toThrow();
      await expect(storage.put(failingSource(pattern(7 * MiB)), 'case-files', 'mp4')).rejects.toThrow();
      expect(await storage.listOlderThan('case-files', future())).toEqual([]);
    });

    it('answers for missing files without throwing, removes idempotently, refuses keys it did not make', async () => {
      const { key } = await storage.put(Readable.from([Buffer.from('x')]), 'refunds', 'png');
      await storage.remove(key);
      await storage.remove(key);
      expect(await storage.exists(key)).toBe(false);
      expect(await storage.size(key)).toBeUndefined();
      await expect(readAll(storage.open(key))).rejects.toThrow();
      expect(() => storage.open('../etc/passwd')).toThrow(/bad storage key/);
      await expect(storage.size('proofs/../../x.pdf')).rejects.toThrow(/bad storage key/);
    });

    it('lists the keys of one folder written before a time, for the orphan sweep', async () => {
      const put = async (folder: string) =>
        (await storage.put(Readable.from([Buffer.from(folder)]), folder, 'webp')).key;
      const old = await put('products');
      const fresh = await put('products');
      const elsewhere = await put('productsx');
      h.age(old, 2 * HOUR);
      h.age(elsewhere, 2 * HOUR);
      const anHourAgo = new Date(Date.now() - HOUR);
      expect(await storage.listOlderThan('products', anHourAgo)).toEqual([old]);
      expect((await storage.listOlderThan('products', future())).sort()).toEqual([old, fresh].sort());
      expect(await storage.listOlderThan('nothing-here', future())).toEqual([]);
    });

    it('removes unfinished uploads older than a time and nothing else', async () => {
      const { key } = await storage.put(Readable.from([Buffer.from('done')]), 'proofs', 'pdf');
      h.age(key, 2 * HOUR);
      const stale = await h.stalePartial('proofs', 2 * HOUR);
      const recent = await h.stalePartial('proofs', 0);
      const removed = await storage.removeStalePartials(new Date(Date.now() - HOUR));
      expect(await storage.exists(key)).toBe(true);
      if (stale && recent) {
        expect(removed).toBe(1);
        expect(await stale.present()).toBe(false);
        expect(await recent.present()).toBe(true);
      } else {
        // The server cannot list unfinished uploads: the sweep goes on without them (ADR 0024).
        expect(removed).toBe(0);
      }
    });

    it('tells whether it can be reached (readiness)', async () => {
      await expect(storage.check?.()).resolves.toBeUndefined();
      await expect(h.unreachable().check?.()).rejects.toThrow();
    });
  });
}
