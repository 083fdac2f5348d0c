import { z } from 'zod';
import type { FieldErrors } from '../../platform/http/forms.js';
import { carriers } from '../shipping/index.js';
import { caseTypes } from './case.states.js';

const text = (max: number, message = 'field.required') =>
  z.string().trim().min(1, { message }).max(max, { message: 'field.tooLong' });

/** The case form's fixed fields; per-line fields are read by `parseClaimLines` against the order's own lines. */
export const caseFormInput = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  type: z.enum(caseTypes, { message: 'field.caseTypeRequired' }),
  description: text(4000, 'field.caseDescriptionRequired'),
});
export type CaseFormInput = z.infer<typeof caseFormInput>;

export interface ClaimLine {
  orderLineId: number;
  quantity: number;
  serials: string[];
}

const SERIAL = /^[A-Za-z0-9._/-]{3,64}$/;

/**
 * Reads `qty_<lineId>` and `serial_<lineId>` for the order's lines only (other keys are
 * ignored). Quantities are whole numbers up to the line's; serials are split on commas
 * or spaces. Whether they were shipped is checked later, against the packing record.
 */
export function parseClaimLines(values: Record<string, string>, lines: readonly { id: number; quantity: number }[]) {
  const claimed: ClaimLine[] = [];
  const errors: FieldErrors = {};
  for (const line of lines) {
    const raw = (values[`qty_${line.id}`] ?? '').trim();
    const serials = (values[`serial_${line.id}`] ?? '').split(/[\s,;]+/).filter(Boolean);
    if (raw === '' || raw === '0') {
      if (serials.length) errors[`qty_${line.id}`] = 'case.quantityForSerials';
      continue;
    }
    const quantity = Number(raw);
    if (!Number.isInteger(quantity) || quantity < 0) errors[`qty_${line.id}`] = 'case.quantityInvalid';
    else if (quantity > line.quantity) errors[`qty_${line.id}`] = 'case.quantityOverLine';
    else if (serials.some((s) => !SERIAL.test(s))) errors[`serial_${line.id}`] = 'case.serialInvalid';
    else if (serials.length > quantity) errors[`serial_${line.id}`] = 'case.serialsOverQuantity';
    else claimed.push({ orderLineId: line.id, quantity, serials });
  }
  if (!claimed.length && !Object.keys(errors).length) errors._lines = 'case.noLine';
  return { claimed, errors };
}

export const noteInput = z.object({ note: z.string().trim().max(1000, { message: 'field.tooLong' }).default('') });
/** A repair center's diagnosis: what it found, said in words (photos ride along). */
export const diagnosisInput = z.object({ note: text(2000, 'field.diagnosisRequired') });
export const rejectCaseInput = z.object({ reason: text(1000, 'field.reasonMissing') });
export const decideRepairInput = z.object({
  repairCenterId: z.coerce
    .number({ message: 'field.repairCenterRequired' })
    .int()
    .positive({ message: 'field.repairCenterRequired' }),
  note: z.string().trim().max(1000, { message: 'field.tooLong' }).default(''),
});
export const shipReissueInput = z.object({
  carrier: z.enum(carriers, { message: 'field.required' }),
  tracking: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{4,40}$/, { message: 'field.trackingInvalid' }),
});
export const caseMessageInput = z.object({ body: text(4000, 'field.messageRequired') });
