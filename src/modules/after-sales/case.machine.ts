/**
 * The after-sales case state machine: one table keyed by event, like the order's.
 * Actions enforce it, pages derive their buttons from it. Pure: no IO.
 */
import type { Role } from '../../platform/auth/roles.js';
import { type CaseState, caseStates } from './case.states.js';

export { type CaseState, caseStates };

export const terminalCaseStates: readonly CaseState[] = ['resolved', 'rejected'];

/** Admin passes every staff role; a customer acts only on their own case. */
export interface CaseActor {
  role: Role;
  userId: number;
}

/** What guards may look at: loaded by the action beforehand. */
export interface CaseSnapshot {
  status: CaseState;
  customerId: number;
  /** Some line is serial-numbered hardware that a repair center can take. */
  repairable: boolean;
}

export type CaseGuardCode = 'NOT_REPAIRABLE';
export type CaseGuardResult = { ok: true } | { ok: false; code: CaseGuardCode };

interface CaseTransition {
  from: readonly CaseState[];
  to: CaseState;
  roles: readonly Role[];
  /** English label; pages translate `caseEvent.<name>`. */
  label: string;
  guard?: (c: CaseSnapshot) => CaseGuardResult;
}

const ok: CaseGuardResult = { ok: true };
const undecided = ['submitted', 'under_review'] as const;

export const caseTransitions = {
  startReview: { from: ['submitted'], to: 'under_review', roles: ['support'], label: 'Start review' },
  // Support may decide straight from `submitted`: the decision is the promise with a clock.
  decideReissue: { from: undecided, to: 'awaiting_reissue', roles: ['support'], label: 'Decide: reissue' },
  decideRepair: {
    from: undecided,
    to: 'awaiting_unit',
    roles: ['support'],
    label: 'Decide: repair',
    guard: (c) => (c.repairable ? ok : { ok: false, code: 'NOT_REPAIRABLE' }),
  },
  rejectCase: { from: undecided, to: 'rejected', roles: ['support'], label: 'Reject case' },
  shipReissue: {
    from: ['awaiting_reissue'],
    to: 'reissue_shipped',
    roles: ['warehouse', 'support'],
    label: 'Ship reissue',
  },
  receiveUnit: {
    from: ['awaiting_unit'],
    to: 'at_repair_center',
    roles: ['support'],
    label: 'Unit received at repair center',
  },
  markRepaired: { from: ['at_repair_center'], to: 'resolved', roles: ['support'], label: 'Repaired' },
  markUnrepairable: {
    from: ['at_repair_center'],
    to: 'awaiting_reissue',
    roles: ['support'],
    label: 'Unrepairable: reissue',
  },
  confirmReissueReceived: {
    from: ['reissue_shipped'],
    to: 'resolved',
    roles: ['customer'],
    label: 'Confirm reissue received',
  },
  // The customer never confirms, or never sends the unit: support closes with a note.
  closeCase: { from: ['reissue_shipped', 'awaiting_unit'], to: 'resolved', roles: ['support'], label: 'Close case' },
} as const satisfies Record<string, CaseTransition>;

export type CaseEvent = keyof typeof caseTransitions;
export const caseEvents = Object.keys(caseTransitions) as [CaseEvent, ...CaseEvent[]];

export type CaseTransitionCheck =
  | { ok: true; to: CaseState }
  | { ok: false; reason: 'WRONG_STATE' | 'FORBIDDEN' | CaseGuardCode };

function roleAllowed(t: CaseTransition, c: CaseSnapshot, actor: CaseActor): boolean {
  if (actor.role === 'customer') return t.roles.includes('customer') && actor.userId === c.customerId;
  if (actor.role === 'admin') return t.roles.some((r) => r !== 'customer');
  return t.roles.includes(actor.role);
}

/** The single decision every case action goes through. */
export function checkCaseTransition(c: CaseSnapshot, event: CaseEvent, actor: CaseActor): CaseTransitionCheck {
  const t: CaseTransition = caseTransitions[event];
  if (!roleAllowed(t, c, actor)) return { ok: false, reason: 'FORBIDDEN' };
  if (!t.from.includes(c.status)) return { ok: false, reason: 'WRONG_STATE' };
  const guard = t.guard?.(c) ?? ok;
  return guard.ok ? { ok: true, to: t.to } : { ok: false, reason: guard.code };
}

/** Events this actor may fire now: the buttons and forms a case page shows. */
export const availableCaseEvents = (c: CaseSnapshot, actor: CaseActor): CaseEvent[] =>
  caseEvents.filter((e) => checkCaseTransition(c, e, actor).ok);

export const isTerminalCase = (s: CaseState) => terminalCaseStates.includes(s);

/** Mermaid diagram of the table (docs/decisions ADR and README). */
export function caseDiagram(): string {
  const lines = ['stateDiagram-v2', '  [*] --> submitted'];
  for (const [event, t] of Object.entries(caseTransitions) as [CaseEvent, CaseTransition][]) {
    for (const from of t.from) lines.push(`  ${from} --> ${t.to}: ${event} (${t.roles.join(', ')})`);
  }
  for (const s of terminalCaseStates) lines.push(`  ${s} --> [*]`);
  return lines.join('\n');
}
