/**
 * The after-sales case state machine: one table keyed by event, like the order's.
 * Actions enforce it, pages derive their buttons from it. Pure: no IO.
 */
import type { Role } from '../../platform/auth/roles.js';
import { defineMachine, type GuardResult, type TransitionDef } from '../../platform/machine.js';
import { type CaseState, caseStates } from './case.states.js';

export { type CaseState, caseStates };

export const terminalCaseStates: readonly CaseState[] = ['resolved', 'rejected'];

/**
 * Who acts on a case: a user's role, or `repair_center` for the owner of an approved center
 * acting on a case routed to it (a customer account, so not a role of its own; ADR 0032).
 */
export type CaseRole = Role | 'repair_center';

/** Admin passes every staff role; a customer acts only on their own case, a center's owner only on its cases. */
export interface CaseActor {
  role: CaseRole;
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
  /** The owner of the center the case is routed to, while that center is approved; else null. */
  centerOwnerId: number | null;
}

export type CaseGuardCode = 'NOT_REPAIRABLE';
export type CaseGuardResult = GuardResult<CaseGuardCode>;

/** Pages translate `caseEvent.<name>`. */
type CaseTransition = TransitionDef<CaseState, CaseRole, CaseSnapshot, CaseGuardCode>;

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
  // The center's owner works the case in the portal; support keeps the same powers.
  receiveUnit: {
    from: ['awaiting_unit'],
    to: 'at_repair_center',
    roles: ['repair_center', 'support'],
    label: 'Unit received at repair center',
  },
  // A finding on the timeline, not a move: the unit stays at the center.
  diagnoseUnit: {
    from: ['at_repair_center'],
    to: 'at_repair_center',
    roles: ['repair_center', 'support'],
    label: 'Diagnosis',
  },
  markRepaired: { from: ['at_repair_center'], to: 'resolved', roles: ['repair_center', 'support'], label: 'Repaired' },
  markUnrepairable: {
    from: ['at_repair_center'],
    to: 'awaiting_reissue',
    roles: ['repair_center', 'support'],
    label: 'Unrepairable: reissue',
  },
  // Support takes the case back from the center (unresponsive, withdrawn): undecided again, unrouted.
  takeBackCase: {
    from: ['awaiting_unit', 'at_repair_center'],
    to: 'under_review',
    roles: ['support'],
    label: 'Taken back from the repair center',
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
export const caseMachine = defineMachine<CaseState, CaseRole, CaseSnapshot, CaseGuardCode>()({
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
  roles: { owner: 'customer', super: 'admin', scoped: { repair_center: (c) => c.centerOwnerId } },
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

/** The user roles a route demands for an event (a center's owner comes in through the portal's own routes). */
export const userRolesFor = (event: CaseEvent): Role[] =>
  caseMachine.rolesFor(event).filter((r): r is Role => r !== 'repair_center');

/** Mermaid diagram of the table (docs/decisions ADR and README). */
export const caseDiagram = caseMachine.diagram;
