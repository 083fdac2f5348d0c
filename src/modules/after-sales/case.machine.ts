/**
 * The after-sales case state machine: one table keyed by event, like the order's.
 * Actions enforce it, pages derive their buttons from it. Pure: no IO.
 */
import type { Role } from '../../platform/auth/roles.js';
import { defineMachine, type GuardResult, type TransitionDef } from '../../platform/machine.js';
import { type CaseState, caseStates } from './case.states.js';

export { type CaseState, caseStates };

export const terminalCaseStates: readonly CaseState[] = ['resolved', 'rejected'];

/** Admin passes every staff role; a customer acts only on their own case. */
export interface CaseActor {
  role: Role;
  userId: number;
  /** Acting through an integration (an API token's name): the audit log says so. */
  via?: string;
}

/** What guards may look at: loaded by the action beforehand. */
export interface CaseSnapshot {
  status: CaseState;
  customerId: number;
  /** Some line is serial-numbered hardware that a repair center can take. */
  repairable: boolean;
}

export type CaseGuardCode = 'NOT_REPAIRABLE';
export type CaseGuardResult = GuardResult<CaseGuardCode>;

/** Pages translate `caseEvent.<name>`. */
type CaseTransition = TransitionDef<CaseState, Role, CaseSnapshot, CaseGuardCode>;

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

/** The engine over the table; creation is `submitCase`, the customer's. */
export const caseMachine = defineMachine<CaseState, Role, CaseSnapshot, CaseGuardCode>()({
  states: caseStates,
  terminal: terminalCaseStates,
  creation: { event: 'submitCase', to: 'submitted', roles: ['customer'], label: 'Case submitted' },
  transitions: caseTransitions,
  predicates: {
    /** Still running: the queues and the customer's "open cases" show these. */
    open: caseStates.filter((s) => !terminalCaseStates.includes(s)),
    /** Support has not yet promised a reissue, a repair or a rejection. */
    undecided,
  },
  roles: { owner: 'customer', super: 'admin' },
});

export type CaseEvent = keyof typeof caseTransitions;
export const caseEvents = caseMachine.events;

export type CaseTransitionCheck =
  | { ok: true; to: CaseState }
  | { ok: false; reason: 'WRONG_STATE' | 'FORBIDDEN' | CaseGuardCode };

/** The single decision every case action goes through. */
export const checkCaseTransition = (c: CaseSnapshot, event: CaseEvent, actor: CaseActor): CaseTransitionCheck =>
  caseMachine.check(c, event, actor);

/** Events this actor may fire now: the buttons and forms a case page shows. */
export const availableCaseEvents = (c: CaseSnapshot, actor: CaseActor): CaseEvent[] => caseMachine.available(c, actor);

export const isTerminalCase = caseMachine.isTerminal;

/** Mermaid diagram of the table (docs/decisions ADR and README). */
export const caseDiagram = caseMachine.diagram;
