import { type ActionContext, outcome } from '../../../platform/effects.js';
import { AppError } from '../../../platform/errors.js';
import { caseTopic } from '../../../platform/events.js';
import { notifyCustomer } from '../../accounts/index.js';
import { findApprovedCenter } from '../../repair-centers/index.js';
import type { CaseActor } from '../case.machine.js';
import { applyCaseTransition, type Case, caseLinesOf, snapshotOfCase } from '../case.repo.js';
import { reissueDueFrom } from '../case.rules.js';
import { mailCustomer } from './case-mail.js';

export type Decision =
  | { kind: 'reissue'; note: string }
  | { kind: 'repair'; repairCenterId: number; note: string }
  | { kind: 'reject'; reason: string };

/**
 * Support's decision on a case still under review: reissue (starts the shipping clock),
 * repair at a named approved center (the customer is told where to send the unit), or
 * reject with a reason. Two agents deciding at once: the second gets a conflict.
 */
export async function decideCase(actions: ActionContext, c: Case, actor: CaseActor, d: Decision, now = new Date()) {
  return actions.transaction(async (tx) => {
    const lines = await caseLinesOf(tx, c.id);
    const snapshot = snapshotOfCase(c, lines);
    if (d.kind === 'reject') {
      const updated = await applyCaseTransition(tx, c, snapshot, 'rejectCase', actor, {
        set: { rejectionReason: d.reason },
        note: d.reason,
        now,
      });
      await mailCustomer(tx, updated, ({ t }) => [
        t('mail.case.rejected', { number: c.number }),
        t('mail.reason', { reason: d.reason }),
      ]);
      return outcome(updated, { topics: [caseTopic(c.number)] });
    }
    if (d.kind === 'reissue') {
      const reissueDueAt = reissueDueFrom(
        now,
        c.type,
        lines.map((l) => l.kind),
      );
      const updated = await applyCaseTransition(tx, c, snapshot, 'decideReissue', actor, {
        set: { resolution: 'reissue', reissueDueAt },
        note: d.note,
        now,
      });
      await mailCustomer(tx, updated, ({ t }) => [
        t('mail.case.reissue', { number: c.number }),
        `${t('mail.case.shipsBy', { date: reissueDueAt.toISOString().slice(0, 10) })} ${d.note}`.trim(),
      ]);
      return outcome(updated, { topics: [caseTopic(c.number)] });
    }
    const center = await findApprovedCenter(tx, d.repairCenterId);
    if (!center) throw new AppError('VALIDATION', { fields: { repairCenterId: 'field.repairCenterRequired' } });
    const updated = await applyCaseTransition(tx, c, snapshot, 'decideRepair', actor, {
      set: { resolution: 'repair', repairCenterId: center.id },
      note: [`${center.name}, ${center.city} (${center.country})`, d.note].filter(Boolean).join(' · '),
      now,
    });
    await notifyCustomer(tx, center.ownerId, ({ t, path }) => ({
      subject: t('mail.portal.routedSubject', { center: center.name }),
      body: `${t('mail.portal.routedBody', { number: c.number })}\n${path(`/repair-centers/cases/${c.number}`)}`,
    }));
    await mailCustomer(tx, updated, ({ t }) => [
      t('mail.case.repair', { number: c.number }),
      [center.name, center.address, `${center.city}, ${center.country}`, `${center.phone} · ${center.email}`, d.note]
        .filter(Boolean)
        .join('\n'),
    ]);
    return outcome(updated, { topics: [caseTopic(c.number)] });
  });
}
