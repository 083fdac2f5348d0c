/**
 * After-sales case states and types (DESIGN §4 "After-sales"). The transition table
 * that moves between them lives in case.machine.ts; the states are here so the
 * tables can constrain the column without importing the machine.
 */
export const caseStates = [
  'submitted',
  'under_review',
  'awaiting_reissue',
  'awaiting_unit',
  'at_repair_center',
  'reissue_shipped',
  'resolved',
  'rejected',
] as const;
export type CaseState = (typeof caseStates)[number];

export const caseTypes = ['wrong_item', 'missing_item', 'damaged_in_transit', 'defective'] as const;
export type CaseType = (typeof caseTypes)[number];

export const resolutions = ['reissue', 'repair'] as const;
export type Resolution = (typeof resolutions)[number];
