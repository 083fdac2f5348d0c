/** Pure rules of the public warranty check (issue 19). No IO. */

import { z } from 'zod';
import { warrantyEndsAt, withinWarranty } from '../after-sales/index.js';

/** The shape a serial number may take (as packing records it); anything else is refused before any lookup. */
export const serialInput = z
  .string()
  .trim()
  .min(1, { message: 'warranty.serialRequired' })
  .max(64, { message: 'warranty.serialInvalid' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9./_-]*$/, { message: 'warranty.serialInvalid' });

/** Unknown serials one client address may look up per 15 minutes (found ones are not counted). */
export const WARRANTY_FAILURES = 30;

export type WarrantyState = 'in_warranty' | 'expired' | 'not_delivered';

/**
 * Warranty runs from delivery for the product's warranty days, as after-sales decides
 * claims (`withinWarranty`): before delivery the unit is in transit and its warranty
 * has not started; afterwards it is in warranty until the end date, inclusive.
 */
export function warrantyOf(
  unit: { status: string; deliveredAt: Date | null; warrantyDays: number },
  now: Date,
): { state: WarrantyState; endsAt: Date | null } {
  if (unit.status !== 'completed' || !unit.deliveredAt) return { state: 'not_delivered', endsAt: null };
  const endsAt = warrantyEndsAt(unit.deliveredAt, unit.warrantyDays);
  return { state: withinWarranty(unit.deliveredAt, unit.warrantyDays, now) ? 'in_warranty' : 'expired', endsAt };
}

/**
 * The tester as a report anyone holding its code may read: first name and the initial of the
 * last ("Lukas B."), enough to tell testers apart without publishing a warehouse worker's name.
 */
export function publicTesterName(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? '';
  const last = words.length > 1 ? Array.from(words[words.length - 1]!)[0]?.toUpperCase() : undefined;
  return last ? `${first} ${last}.` : first;
}
