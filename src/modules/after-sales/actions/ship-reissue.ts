import { type ActionContext, outcome } from '../../../platform/effects.js';
import { caseTopic } from '../../../platform/events.js';
import { trackingUrl } from '../../shipping/index.js';
import type { CaseActor } from '../case.machine.js';
import { applyCaseTransition, type Case, caseLinesOf, snapshotOfCase } from '../case.repo.js';
import { mailCustomer } from './case-mail.js';

/** Warehouse (or support) ships the replacement with carrier and tracking; the customer then confirms it arrived. */
export async function shipReissue(
  actions: ActionContext,
  c: Case,
  actor: CaseActor,
  carrier: string,
  tracking: string,
  now = new Date(),
) {
  return actions.transaction(async (tx) => {
    const snapshot = snapshotOfCase(c, await caseLinesOf(tx, c.id));
    const updated = await applyCaseTransition(tx, c, snapshot, 'shipReissue', actor, {
      set: { reissueCarrier: carrier, reissueTracking: tracking },
      note: `${carrier}: ${tracking}`,
      now,
    });
    const shipment = `${carrier} ${tracking} ${trackingUrl(carrier, tracking) ?? ''}`.trim();
    await mailCustomer(tx, updated, ({ t }) => [
      t('mail.case.reissueShipped', { number: c.number, tracking: shipment }),
      t('mail.case.confirmArrival'),
    ]);
    return outcome(updated, { topics: [caseTopic(c.number)] });
  });
}
