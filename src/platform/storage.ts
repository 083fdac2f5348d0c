import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, constants, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DbOrTx } from './db/client.js';

export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
}

/** Where uploaded files live. Local disk by default; an S3-compatible driver can implement the same. */
export interface Storage {
  /** Streams to storage under a random key; the file becomes visible only once complete. */
  put(source: Readable, folder: string, extension: string): Promise<StoredFile>;
  /** Reads a stored file, or the inclusive byte range of it (HTTP Range requests). */
  open(key: string, range?: { start: number; end: number }): Readable;
  /** Size in bytes, or undefined when there is no such file. */
  size(key: string): Promise<number | undefined>;
  remove(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Keys in a folder last written before `before` (for the orphan sweep). */
  listOlderThan(folder: string, before: Date): Promise<string[]>;
  /** Removes uploads a crash left unfinished before `before`. */
  removeStalePartials(before: Date): Promise<number>;
  /** Throws when the storage cannot be reached or written (readiness probe); optional for other implementations. */
  check?(): Promise<void>;
}

/** A module that keeps files in a storage folder and can tell which of them its rows still reference. */
export interface FileOwner {
  folder: string;
  referenced(db: DbOrTx, keys: string[]): Promise<string[]>;
}

/** `folder/random.ext`: the only keys a driver reads or writes. */
export const STORAGE_KEY = /^[a-z-]+\/[A-Za-z0-9_-]{22}\.[a-z0-9]{2,5}$/;
const KEY = STORAGE_KEY;

/** Files on this machine's disk under `root` (one process, or a shared volume). */
export function createStorage(root: string): Storage {
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`bad storage key ${key}`);
    return join(root, key);
  };
  return {
    async put(source, folder, extension) {
      const key = `${folder}/${randomBytes(16).toString('base64url')}.${extension}`;
      const final = pathOf(key);
      const partial = `${final}.partial`;
      await mkdir(join(root, folder), { recursive: true });
      const hash = createHash('sha256');
      let size = 0;
      source.on('data', (chunk: Buffer) => {
        size += chunk.length;
        hash.update(chunk);
      });
      try {
        await pipeline(source, createWriteStream(partial));
        await rename(partial, final);
      } catch (err) {
        await rm(partial, { force: true });
        throw err;
      }
      return { key, size, sha256: hash.digest('hex') };
    },
    open: (key, range) => createReadStream(pathOf(key), range),
    async size(key) {
      const info = await stat(pathOf(key)).catch(() => undefined);
      return info?.isFile() ? info.size : undefined;
    },
    remove: (key) => rm(pathOf(key), { force: true }),
    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch {
        return false;
      }
    },
    async listOlderThan(folder, before) {
      const keys: string[] = [];
      for (const name of await readdir(join(root, folder)).catch(() => [] as string[])) {
        const key = `${folder}/${name}`;
        if (!KEY.test(key)) continue;
        const info = await stat(join(root, key)).catch(() => undefined);
        if (info?.isFile() && info.mtime < before) keys.push(key);
      }
      return keys;
    },
    async removeStalePartials(before) {
      let removed = 0;
      const folders = await readdir(root, { withFileTypes: true }).catch(() => []);
      for (const folder of folders.filter((f) => f.isDirectory())) {
        for (const name of await readdir(join(root, folder.name))) {
          if (!name.endsWith('.partial')) continue;
          const path = join(root, folder.name, name);
          const info = await stat(path).catch(() => undefined);
          if (info && info.mtime < before) {
            await rm(path, { force: true });
            removed++;
          }
        }
      }
      return removed;
    },
    async check() {
      await mkdir(root, { recursive: true });
      await access(root, constants.W_OK);
    },
  };
}
