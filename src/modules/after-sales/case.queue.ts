/** The support queue's tabs: every open case, the overdue ones, then one per state. Pure. */
import { caseMachine } from './case.machine.js';
import { type CaseState, caseStates } from './case.states.js';

export const openCaseStates: readonly CaseState[] = caseStates.filter(caseMachine.is.open);
export const caseQueues = ['open', 'overdue', ...caseStates] as const;
export type CaseQueue = (typeof caseQueues)[number];
export const isCaseQueue = (q: string): q is CaseQueue => (caseQueues as readonly string[]).includes(q);

/** Badges count up to this and then say "1,000+": no page view counts every case. */
export const QUEUE_COUNT_CAP = 1000;
