import { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../../platform/errors.js';
import { reencodeImage } from '../../../platform/images.js';
import type { Storage } from '../../../platform/storage.js';
import { MAX_PHOTO_BYTES } from '../repair-center.rules.js';

const allowed = new Set(['jpg', 'png', 'webp']);

/** Checks every photo by its bytes (never its name or the browser's type) before storing any. */
export async function checkPhotos(photos: Buffer[]) {
  for (const bytes of photos) {
    if (bytes.length > MAX_PHOTO_BYTES) throw new AppError('VALIDATION', { fields: { photos: 'field.photoTooLarge' } });
    const type = await fileTypeFromBuffer(bytes);
    if (!type || !allowed.has(type.ext)) throw new AppError('VALIDATION', { fields: { photos: 'field.photoType' } });
  }
}

/** Stores checked photos, re-encoded without metadata (they are public once approved), under random keys. */
export async function storePhotos(storage: Storage, photos: Buffer[]) {
  const keys: string[] = [];
  try {
    for (const bytes of photos) {
      const clean = await reencodeImage(bytes).catch(() => {
        throw new AppError('VALIDATION', { fields: { photos: 'field.photoType' } });
      });
      keys.push((await storage.put(Readable.from(clean), 'repair-centers', 'webp')).key);
    }
  } catch (err) {
    await removePhotos(storage, keys);
    throw err;
  }
  return keys;
}

export async function removePhotos(storage: Storage, keys: string[]) {
  await Promise.all(keys.map((k) => storage.remove(k).catch(() => {})));
}
