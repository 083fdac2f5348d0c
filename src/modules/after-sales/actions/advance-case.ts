import type { DbOrTx } from '../../../platform/db/client.js';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { caseTopic } from '../../../platform/events.js';
import type { StoredMedia } from '../../../platform/http/media-upload.js';
import { notifyCustomer } from '../../accounts/index.js';
import { approvedCenterOwner } from '../../repair-centers/index.js';
import type { CaseActor, CaseEvent } from '../case.machine.js';
import { applyCaseTransition, type Case, type ClaimableLine, caseLinesOf, snapshotOfCase } from '../case.repo.js';
import { centerDeadlinesFrom, redecisionDueFrom, reissueDueFrom } from '../case.rules.js';
import { mailCustomer } from './case-mail.js';

/** The case events that carry nothing but an optional note (and, for a diagnosis, photos). */
export const noteEvents = [
  'startReview',
  'receiveUnit',
  'diagnoseUnit',
  'markRepaired',
  'markUnrepairable',
  'takeBackCase',
  'confirmReissueReceived',
  'closeCase',
] as const;
export type NoteEvent = (typeof noteEvents)[number];

/** The owner of the center a case is routed to, while that center is approved: who the `repair_center` role means. */
export const routedCenterOwner = async (db: DbOrTx, c: Case) =>
  c.repairCenterId ? await approvedCenterOwner(db, c.repairCenterId) : null;

/** What each step writes besides the state: the center's clocks, a reissue's, or the routing undone. */
function changesOf(event: NoteEvent, c: Case, kinds: ClaimableLine['kind'][], now: Date) {
  if (event === 'receiveUnit') return { unitReceivedAt: now, diagnosedAt: null, ...centerDeadlinesFrom(now) };
  if (event === 'diagnoseUnit') return { diagnosedAt: c.diagnosedAt ?? now };
  if (event === 'markUnrepairable')
    return { resolution: 'reissue' as const, reissueDueAt: reissueDueFrom(now, c.type, kinds) };
  if (event === 'takeBackCase')
    return {
      resolution: null,
      repairCenterId: null,
      decisionDueAt: redecisionDueFrom(now),
      unitReceivedAt: null,
      diagnosisDueAt: null,
      diagnosedAt: null,
      repairDueAt: null,
    };
  return undefined;
}

/**
 * One of the note-only events, by support, the buyer, or the owner of the center the case is
 * routed to. An unrepairable unit becomes a reissue and starts the shipping clock; a unit
 * received starts the center's clocks; a case taken back leaves its center (whose owner is
 * told) and owes the buyer a new decision.
 */
export async function advanceCase(
  actions: ActionContext,
  c: Case,
  event: CaseEvent & NoteEvent,
  actor: CaseActor,
  step: { note?: string; files?: readonly StoredMedia[] } = {},
  now = new Date(),
) {
  const note = step.note ?? '';
  return actions.transaction(async (tx) => {
    const lines = await caseLinesOf(tx, c.id);
    const centerOwner = await routedCenterOwner(tx, c);
    const set = changesOf(
      event,
      c,
      lines.map((l) => l.kind),
      now,
    );
    const snapshot = snapshotOfCase(c, lines, centerOwner);
    const updated = await applyCaseTransition(tx, c, snapshot, event, actor, { set, note, files: step.files, now });
    await mailCustomer(tx, updated, ({ t }) => [t(`mail.case.${event}`, { number: c.number }), note]);
    if (event === 'takeBackCase' && centerOwner)
      await notifyCustomer(tx, centerOwner, ({ t }) => ({
        subject: t('mail.portal.takenBackSubject'),
        body: [t('mail.portal.takenBackBody', { number: c.number }), note].filter(Boolean).join('\n\n'),
      }));
    return outcome(updated, { topics: [caseTopic(c.number)] });
  });
}
