import { type ActionContext, outcome } from '../../../platform/effects.js';
import { caseTopic } from '../../../platform/events.js';
import type { CaseActor, CaseEvent } from '../case.machine.js';
import { applyCaseTransition, type Case, caseLinesOf, snapshotOfCase } from '../case.repo.js';
import { reissueDueFrom } from '../case.rules.js';
import { mailCustomer } from './case-mail.js';

/** The case events that carry nothing but an optional note. */
export const noteEvents = [
  'startReview',
  'receiveUnit',
  'markRepaired',
  'markUnrepairable',
  'confirmReissueReceived',
  'closeCase',
] as const;
export type NoteEvent = (typeof noteEvents)[number];

/** One of the note-only events; an unrepairable unit becomes a reissue and starts the shipping clock. */
export async function advanceCase(
  actions: ActionContext,
  c: Case,
  event: CaseEvent & NoteEvent,
  actor: CaseActor,
  note = '',
  now = new Date(),
) {
  return actions.transaction(async (tx) => {
    const lines = await caseLinesOf(tx, c.id);
    const set =
      event === 'markUnrepairable'
        ? {
            resolution: 'reissue' as const,
            reissueDueAt: reissueDueFrom(
              now,
              c.type,
              lines.map((l) => l.kind),
            ),
          }
        : undefined;
    const updated = await applyCaseTransition(tx, c, snapshotOfCase(c, lines), event, actor, { set, note, now });
    await mailCustomer(tx, updated, ({ t }) => [t(`mail.case.${event}`, { number: c.number }), note]);
    return outcome(updated, { topics: [caseTopic(c.number)] });
  });
}
