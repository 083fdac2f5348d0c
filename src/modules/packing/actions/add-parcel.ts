import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { orderTopic } from '../../../platform/events.js';
import type { Order } from '../../orders/index.js';
import type { ParcelMeasures } from '../packing.inputs.js';
import { nextParcelPosition } from '../packing.repo.js';
import { packingParcels } from '../packing.tables.js';
import { lockEditable } from './lock-editable.js';

/** A new parcel with its seal numbers (and, optionally, weights and size); after shipping only as a correction with its reason. */
export async function addParcel(
  actions: ActionContext,
  order: Order,
  user: CurrentUser,
  input: { seals: string[]; reason?: string; measures?: ParcelMeasures },
) {
  return actions.transaction(async (tx) => {
    const correctionReason = await lockEditable(tx, order.id, input.reason);
    const [parcel] = await tx
      .insert(packingParcels)
      .values({
        orderId: order.id,
        position: await nextParcelPosition(tx, order.id),
        sealNumbers: input.seals,
        ...input.measures,
        recordedBy: user.id,
        correctionReason,
      })
      .returning();
    return outcome(parcel!, { topics: [orderTopic(order.number)] });
  });
}
