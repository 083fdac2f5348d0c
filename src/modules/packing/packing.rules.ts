/**
 * Packing evidence rules (DESIGN §4 "Evidence", §4b "Evidence and serials"). Pure: the
 * actions load a snapshot and ask these functions; nothing here does IO.
 */

import type { Role } from '../../platform/auth/roles.js';
import type { ProductKind } from '../catalog/index.js';
import { type OrderState as OrderStatus, orderMachine } from '../orders/index.js';

export { hashrateUnits } from '../catalog/index.js';

/** Units of these kinds carry a serial number each; miners also a burn-in result. */
export const serialKinds: readonly ProductKind[] = ['miner', 'psu', 'hashboard'];
export const needsSerial = (kind: ProductKind) => serialKinds.includes(kind);
export const needsBurnIn = (kind: ProductKind) => kind === 'miner';

export type EvidenceGap =
  | 'packing.gapNoParcel'
  | 'packing.gapSeals'
  | 'packing.gapMedia'
  | 'packing.gapSerials'
  | 'packing.gapBurnIn';

export interface EvidenceSnapshot {
  parcels: { sealCount: number; fileCount: number }[];
  lines: { id: number; kind: ProductKind; quantity: number }[];
  /** Current units only (not superseded by a correction). */
  units: { orderLineId: number; burnInPassed: boolean | null }[];
}

/**
 * What is still missing before the order may ship: at least one parcel, each with a seal
 * number and a photo or video, a serial for every serial-tracked unit and a burn-in
 * result for every miner. Empty when complete.
 */
export function evidenceGaps(s: EvidenceSnapshot): EvidenceGap[] {
  const gaps: EvidenceGap[] = [];
  if (s.parcels.length === 0) gaps.push('packing.gapNoParcel');
  if (s.parcels.some((p) => p.sealCount === 0)) gaps.push('packing.gapSeals');
  if (s.parcels.some((p) => p.fileCount === 0)) gaps.push('packing.gapMedia');
  const tracked = s.lines.filter((l) => needsSerial(l.kind));
  const unitsOf = (lineId: number) => s.units.filter((u) => u.orderLineId === lineId);
  if (tracked.some((l) => unitsOf(l.id).length < l.quantity)) gaps.push('packing.gapSerials');
  const miners = tracked.filter((l) => needsBurnIn(l.kind));
  if (miners.some((l) => unitsOf(l.id).filter((u) => u.burnInPassed !== null).length < l.quantity))
    gaps.push('packing.gapBurnIn');
  return gaps;
}

export type EditCheck =
  | { ok: true; correction: boolean }
  | { ok: false; code: 'packing.closed' | 'packing.reasonRequired' };

/**
 * Evidence is recorded while the order is ready to ship. Once shipped it is on record:
 * anything added after that is a correction and must say why. Other states have no
 * packing (not paid yet, or cancelled).
 */
export function evidenceEditable(status: OrderStatus, correctionReason: string | undefined): EditCheck {
  if (status === 'ready_to_ship') return { ok: true, correction: false };
  if (!orderMachine.is.shippedOrLater(status)) return { ok: false, code: 'packing.closed' };
  return correctionReason?.trim() ? { ok: true, correction: true } : { ok: false, code: 'packing.reasonRequired' };
}

/** The buyer sees the evidence once the goods have left. */
export const evidenceVisibleToBuyer = orderMachine.is.shippedOrLater;

/** What a unit's serial number may look like (the unit form and the API). */
export const SERIAL_NUMBER = /^[A-Za-z0-9][A-Za-z0-9./_-]*$/;

/** Serial numbers compare without case or surrounding spaces ("ab-1 " is "AB-1"). */
export const serialKey = (serial: string) => serial.trim().toUpperCase();

const SEAL = /^[A-Za-z0-9][A-Za-z0-9./_-]{0,63}$/;

/** Seal numbers as typed: one per line or separated by commas; duplicates dropped. Undefined if any is malformed. */
export function parseSealNumbers(text: string): string[] | undefined {
  const seals = [
    ...new Set(
      text
        .split(/[\n,;]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  return seals.every((s) => SEAL.test(s)) ? seals : undefined;
}

/** Units still in force: a unit replaced by a correction stays on record but no longer counts. */
export function currentUnits<U extends { id: number; correctsUnitId: number | null }>(units: readonly U[]): U[] {
  const replaced = new Set(units.map((u) => u.correctsUnitId).filter((id): id is number => id !== null));
  return units.filter((u) => !replaced.has(u.id));
}

/** Who records packing evidence (admin always may). */
export const packingRoles = ['warehouse'] as const satisfies readonly Role[];

/** Who prints the packing slip: the warehouse packs with it, sales answers for it (admin always may). */
export const packingSlipRoles = ['warehouse', 'sales'] as const satisfies readonly Role[];

/** The slip exists once the order is paid (packing starts then); its link sits on the staff order page. */
export const packingSlipHref = (number: string) => `/admin/orders/${encodeURIComponent(number)}/packing-slip.pdf`;
