import type { CurrentUser } from '../../../platform/auth/current-user.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import type { Order } from '../../orders/order.repo.js';
import { lockOrderStatus, nextParcelPosition } from '../packing.repo.js';
import { evidenceEditable } from '../packing.rules.js';
import { packingParcels } from '../packing.tables.js';

/** A new parcel with its seal numbers; after shipping only as a correction with its reason. */
export async function addParcel(db: Db, order: Order, user: CurrentUser, input: { seals: string[]; reason?: string }) {
  return db.transaction(async (tx) => {
    const check = evidenceEditable(await lockOrderStatus(tx, order.id), input.reason);
    if (!check.ok)
      throw new AppError('VALIDATION', {
        fields: { [check.code === 'packing.reasonRequired' ? 'reason' : '_form']: check.code },
      });
    const [parcel] = await tx
      .insert(packingParcels)
      .values({
        orderId: order.id,
        position: await nextParcelPosition(tx, order.id),
        sealNumbers: input.seals,
        recordedBy: user.id,
        correctionReason: check.correction ? input.reason!.trim() : null,
      })
      .returning();
    return parcel!;
  });
}
