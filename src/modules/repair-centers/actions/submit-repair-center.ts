import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import type { Storage } from '../../../platform/storage.js';
import type { RepairCenterForm } from '../repair-center.inputs.js';
import { findOwnCenter, insertCenter, saveOwnerEdit, submittedVersion } from '../repair-center.repo.js';
import { MAX_PHOTOS } from '../repair-center.rules.js';
import type { RepairCenterDetails } from '../repair-center.tables.js';
import { checkPhotos, removePhotos, storePhotos } from './store-photos.js';

const toDetails = (form: RepairCenterForm, photos: string[]): RepairCenterDetails => {
  const { removePhotos: _ignored, ...fields } = form;
  return { ...fields, photos };
};

/** Creates a center in review. Photos are stored first and referenced only once stored. */
export async function submitRepairCenter(
  db: Db,
  storage: Storage,
  ownerId: number,
  form: RepairCenterForm,
  photos: Buffer[],
) {
  if (photos.length > MAX_PHOTOS) throw new AppError('VALIDATION', { fields: { photos: 'field.tooManyPhotos' } });
  const keys = await storePhotos(storage, await checkPhotos(photos));
  try {
    return await insertCenter(db, ownerId, toDetails(form, keys));
  } catch (err) {
    await removePhotos(storage, keys);
    throw err;
  }
}

/**
 * Corrects or changes an own center and sends it to review again. An approved center
 * stays public as approved; the change waits in `pending` (see saveOwnerEdit).
 */
export async function editRepairCenter(
  db: Db,
  storage: Storage,
  ownerId: number,
  id: number,
  form: RepairCenterForm,
  photos: Buffer[],
) {
  const center = await findOwnCenter(db, id, ownerId);
  if (!center) throw new AppError('NOT_FOUND');
  const kept = submittedVersion(center).photos.filter((k) => !form.removePhotos.includes(k));
  if (kept.length + photos.length > MAX_PHOTOS)
    throw new AppError('VALIDATION', { fields: { photos: 'field.tooManyPhotos' } });
  const keys = await storePhotos(storage, await checkPhotos(photos));
  const saved = await saveOwnerEdit(db, id, ownerId, toDetails(form, [...kept, ...keys])).catch(async (err) => {
    await removePhotos(storage, keys);
    throw err;
  });
  if (!saved) {
    await removePhotos(storage, keys);
    throw new AppError('NOT_FOUND');
  }
  // Removed photos stay on disk: an approved version may still show them until the edit is approved.
  return saved;
}
