import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { AppError } from '../../../platform/errors.js';
import { orderTopic } from '../../../platform/events.js';
import type { Order } from '../../orders/index.js';
import type { UnitInput } from '../packing.inputs.js';
import { currentUnitsOf, findParcel, packingLinesOf } from '../packing.repo.js';
import { needsBurnIn, needsSerial, serialKey } from '../packing.rules.js';
import { packingUnits } from '../packing.tables.js';
import { lockEditable } from './lock-editable.js';

const refuse = (field: string, key: string) => new AppError('VALIDATION', { fields: { [field]: key } });

/**
 * Records one unit's serial (and a miner's burn-in). `correctsUnitId` replaces a unit:
 * the old row stays on record and stops counting. Serials are unique within the order
 * among units in force; each line takes at most its quantity of units.
 */
export async function recordUnit(actions: ActionContext, order: Order, user: CurrentUser, input: UnitInput) {
  return actions.transaction(async (tx) => {
    const correctionReason = await lockEditable(tx, order.id, input.reason);
    if (!(await findParcel(tx, order.id, input.parcelId))) throw refuse('parcelId', 'field.invalid');
    const line = (await packingLinesOf(tx, order.id)).find((l) => l.id === input.orderLineId);
    if (!line || !needsSerial(line.kind)) throw refuse('orderLineId', 'packing.lineNoSerial');
    const burnIn = needsBurnIn(line.kind) ? input.burnIn : undefined;
    if (needsBurnIn(line.kind) && !burnIn) throw refuse('hashrate', 'packing.burnInRequired');

    const current = await currentUnitsOf(tx, order.id);
    const replaced =
      input.correctsUnitId === undefined ? undefined : current.find((u) => u.id === input.correctsUnitId);
    if (input.correctsUnitId !== undefined && !replaced) throw refuse('correctsUnitId', 'field.invalid');
    const others = current.filter((u) => u.id !== replaced?.id);
    if (others.some((u) => serialKey(u.serialNumber) === serialKey(input.serialNumber))) {
      throw refuse('serialNumber', 'packing.serialDuplicate');
    }
    if (!replaced && others.filter((u) => u.orderLineId === line.id).length >= line.quantity) {
      throw refuse('orderLineId', 'packing.lineComplete');
    }
    const [unit] = await tx
      .insert(packingUnits)
      .values({
        orderId: order.id,
        parcelId: input.parcelId,
        orderLineId: line.id,
        serialNumber: input.serialNumber,
        burnInHashrate: burnIn?.hashrate ?? null,
        burnInHashrateUnit: burnIn?.unit ?? null,
        burnInHours: burnIn?.hours ?? null,
        burnInPassed: burnIn?.passed ?? null,
        correctsUnitId: replaced?.id ?? null,
        recordedBy: user.id,
        correctionReason: correctionReason ?? (replaced ? input.reason?.trim() || null : null),
      })
      .returning();
    return outcome(unit!, { topics: [orderTopic(order.number)] });
  });
}
