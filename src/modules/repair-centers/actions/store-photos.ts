import { AppError } from '../../../platform/errors.js';
import type { Storage } from '../../../platform/storage.js';
import {
  type CheckedUpload,
  checkUpload,
  defineUploadPolicy,
  MAX_IMAGE_PIXELS,
  storeUpload,
} from '../../../platform/upload-policy.js';

/** Repair-center photos become public once approved: only the re-encoded WebP is kept. */
export const repairCenterPhotoPolicy = defineUploadPolicy({
  maxBytes: { photo: 5 * 1024 * 1024 },
  maxPixels: MAX_IMAGE_PIXELS,
  images: 'replace',
  messages: {
    badType: 'field.photoType',
    tooLarge: 'field.photoTooLarge',
    tooManyPixels: 'upload.tooManyPixels',
    unreadable: 'field.photoType',
  },
});

/** Checks every photo under the repair-center photo policy before storing any. */
export async function checkPhotos(photos: Buffer[]): Promise<CheckedUpload[]> {
  const checked: CheckedUpload[] = [];
  for (const bytes of photos) {
    const result = await checkUpload(bytes, repairCenterPhotoPolicy);
    if (typeof result === 'string')
      throw new AppError('VALIDATION', { fields: { photos: repairCenterPhotoPolicy.messages[result] } });
    checked.push(result);
  }
  return checked;
}

/** Stores checked photos, re-encoded without metadata (they are public once approved), under random keys. */
export async function storePhotos(storage: Storage, photos: CheckedUpload[]) {
  const keys: string[] = [];
  try {
    for (const photo of photos) {
      keys.push((await storeUpload(storage, 'repair-centers', photo, repairCenterPhotoPolicy)).key);
    }
  } catch (err) {
    await removePhotos(storage, keys);
    if (err instanceof AppError)
      throw new AppError('VALIDATION', { fields: { photos: repairCenterPhotoPolicy.messages.unreadable } });
    throw err;
  }
  return keys;
}

export async function removePhotos(storage: Storage, keys: string[]) {
  await Promise.all(keys.map((k) => storage.remove(k).catch(() => {})));
}
