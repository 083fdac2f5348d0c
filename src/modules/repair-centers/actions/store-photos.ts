import { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../../platform/errors.js';
import type { Storage } from '../../../platform/storage.js';
import { MAX_PHOTO_BYTES } from '../repair-center.rules.js';

const allowed = new Set(['jpg', 'png', 'webp']);

/** Checks every photo by its bytes (never its name or the browser's type) before storing any. */
export async function checkPhotos(photos: Buffer[]) {
  const types: string[] = [];
  for (const bytes of photos) {
    if (bytes.length > MAX_PHOTO_BYTES) throw new AppError('VALIDATION', { fields: { photos: 'field.photoTooLarge' } });
    const type = await fileTypeFromBuffer(bytes);
    if (!type || !allowed.has(type.ext)) throw new AppError('VALIDATION', { fields: { photos: 'field.photoType' } });
    types.push(type.ext);
  }
  return types;
}

/** Stores checked photos under random keys; returns the keys. */
export async function storePhotos(storage: Storage, photos: Buffer[], exts: string[]) {
  const keys: string[] = [];
  try {
    for (const [i, bytes] of photos.entries()) keys.push((await storage.put(Readable.from(bytes), 'repair-centers', exts[i]!)).key);
  } catch (err) {
    await removePhotos(storage, keys);
    throw err;
  }
  return keys;
}

export async function removePhotos(storage: Storage, keys: string[]) {
  await Promise.all(keys.map((k) => storage.remove(k).catch(() => {})));
}
