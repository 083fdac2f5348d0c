import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
}

/** Where uploaded files live. Local disk by default; an S3-compatible driver can implement the same. */
export interface Storage {
  /** Streams to storage under a random key; the file becomes visible only once complete. */
  put(source: Readable, folder: string, extension: string): Promise<StoredFile>;
  open(key: string): Readable;
  remove(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

const KEY = /^[a-z-]+\/[A-Za-z0-9_-]{22}\.[a-z0-9]{2,5}$/;

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
    open: (key) => createReadStream(pathOf(key)),
    remove: (key) => rm(pathOf(key), { force: true }),
    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch {
        return false;
      }
    },
  };
}
