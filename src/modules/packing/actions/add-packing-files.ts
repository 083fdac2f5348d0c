import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { AppError } from '../../../platform/errors.js';
import { orderTopic } from '../../../platform/events.js';
import { discardMedia, type StoredMedia } from '../../../platform/http/media-upload.js';
import type { Storage } from '../../../platform/storage.js';
import type { Order } from '../../orders/index.js';
import { findParcel } from '../packing.repo.js';
import { packingFiles } from '../packing.tables.js';
import { lockEditable } from './lock-editable.js';

/**
 * Records photos and videos already streamed to storage on one parcel. The files exist
 * before their rows (SECURITY.md); if the rows cannot be written they are removed.
 */
export async function addPackingFiles(
  actions: ActionContext,
  storage: Storage,
  order: Order,
  user: CurrentUser,
  input: { parcelId: number; files: StoredMedia[]; reason?: string },
) {
  try {
    if (input.files.length === 0) throw new AppError('VALIDATION', { fields: { files: 'packing.filesRequired' } });
    return await actions.transaction(async (tx) => {
      const correctionReason = await lockEditable(tx, order.id, input.reason);
      if (!(await findParcel(tx, order.id, input.parcelId))) throw new AppError('NOT_FOUND');
      const files = await tx
        .insert(packingFiles)
        .values(
          input.files.map((f) => ({
            orderId: order.id,
            parcelId: input.parcelId,
            kind: f.kind,
            fileKey: f.key,
            previewKey: f.previewKey,
            mimeType: f.mimeType,
            sizeBytes: f.size,
            sha256: f.sha256,
            uploadedBy: user.id,
            correctionReason,
          })),
        )
        .returning();
      return outcome(files, { topics: [orderTopic(order.number)] });
    });
  } catch (err) {
    await discardMedia(storage, input.files);
    throw err;
  }
}
