/**
 * The after-sales policy (DESIGN §4 "After-sales") as data: which resolution each
 * claim gets by default and how fast the shop promises to answer. Pure; the help
 * centre reads the same numbers.
 */
import type { ProductKind } from '../catalog/index.js';
import type { CaseType, Resolution } from './case.states.js';

export type { ProductKind };

/** Kinds that carry a serial number per unit and go to a repair center when defective. */
export const serialisedKinds: readonly ProductKind[] = ['miner', 'psu', 'hashboard'];
export const hasSerials = (kind: ProductKind) => serialisedKinds.includes(kind);

/** Service levels, in days. */
export const afterSalesPolicy = {
  /** General products: problem confirmed (decision) within this many days of the claim. */
  generalConfirmDays: 1,
  /** General products: the reissue ships within this many days of the decision. */
  generalReissueShipDays: 2,
  /** Miners, PSUs, hash boards: the customer is told which repair center to use within this many days. */
  repairCenterAssignDays: 2,
  /** The repair center reports its diagnosis within this many days of receiving the unit. */
  centerDiagnoseDays: 3,
  /** The repair center finishes (repaired, or unrepairable so a reissue goes out) within this many days of receipt. */
  centerRepairDays: 10,
} as const;

export interface PolicyEntry {
  resolution: Resolution;
  /** Days from the claim to support's decision. */
  decisionDays: number;
  /** Days from a reissue decision to the reissue shipping; null when the standard is a repair. */
  reissueShipDays: number | null;
}

const reissue: PolicyEntry = {
  resolution: 'reissue',
  decisionDays: afterSalesPolicy.generalConfirmDays,
  reissueShipDays: afterSalesPolicy.generalReissueShipDays,
};
const repair: PolicyEntry = {
  resolution: 'repair',
  decisionDays: afterSalesPolicy.repairCenterAssignDays,
  reissueShipDays: null,
};

/**
 * Wrong, missing and damaged goods are replaced whatever they are; a defect is
 * replaced for general goods and repaired (at the nearest approved center) for the
 * serial-numbered hardware. The service level follows the resolution.
 */
export const policyTable: Record<CaseType, Record<ProductKind, PolicyEntry>> = {
  wrong_item: { miner: reissue, psu: reissue, hashboard: reissue, general: reissue },
  missing_item: { miner: reissue, psu: reissue, hashboard: reissue, general: reissue },
  damaged_in_transit: { miner: reissue, psu: reissue, hashboard: reissue, general: reissue },
  defective: { miner: repair, psu: repair, hashboard: repair, general: reissue },
};

/**
 * One case may cover several lines: it is a repair when any line is, and it is due
 * by the earliest of its lines' promises.
 */
export function policyFor(type: CaseType, kinds: readonly ProductKind[]): PolicyEntry {
  const entries = (kinds.length ? kinds : (['general'] as const)).map((k) => policyTable[type][k]);
  const repairs = entries.some((e) => e.resolution === 'repair');
  return {
    resolution: repairs ? 'repair' : 'reissue',
    decisionDays: Math.min(...entries.map((e) => e.decisionDays)),
    reissueShipDays: afterSalesPolicy.generalReissueShipDays,
  };
}

/** Photos or videos are required for claims the shop must judge by looking. */
export const evidenceRequired = (type: CaseType) => type === 'damaged_in_transit' || type === 'defective';

/** The customer names the serials of the units they claim about, except for goods that never arrived or were wrong. */
export const serialsRequired = (type: CaseType, kind: ProductKind) =>
  hasSerials(kind) && (type === 'damaged_in_transit' || type === 'defective');
