import { z } from 'zod';
import { carriers } from '../shipping/index.js';
import { hashrateUnits, parseSealNumbers, SERIAL_NUMBER } from './packing.rules.js';

const reason = z.string().trim().max(1000, { message: 'field.tooLong' }).optional();
const optionalNumber = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : Number(v.replace(',', '.'))))
  .refine((v) => v === undefined || (Number.isFinite(v) && v >= 0 && v < 1e9), { message: 'field.invalid' })
  .optional();
const id = z.coerce.number({ message: 'field.required' }).int().positive({ message: 'field.required' });

/** A weight in kg or a length in cm as typed ("12,5"), stored in grams or millimetres; empty = not recorded. */
const measure = (factor: number, max: number) =>
  z
    .string()
    .trim()
    .max(20, { message: 'field.invalid' })
    .transform((v) => (v === '' ? undefined : Number(v.replace(',', '.'))))
    .refine((v) => v === undefined || (Number.isFinite(v) && v > 0 && v <= max), { message: 'field.measureInvalid' })
    .transform((v) => (v === undefined ? null : Math.max(1, Math.round(v * factor))))
    .optional()
    .transform((v) => v ?? null);

export const parcelInput = z
  .object({
    netWeightKg: measure(1000, 5000),
    grossWeightKg: measure(1000, 5000),
    lengthCm: measure(10, 1000),
    widthCm: measure(10, 1000),
    heightCm: measure(10, 1000),
    seals: z
      .string({ message: 'packing.sealsRequired' })
      .max(2000, { message: 'field.tooLong' })
      .transform((v, ctx) => {
        const seals = parseSealNumbers(v);
        if (!seals) ctx.addIssue({ code: 'custom', message: 'packing.sealInvalid' });
        else if (seals.length === 0) ctx.addIssue({ code: 'custom', message: 'packing.sealsRequired' });
        else if (seals.length > 50) ctx.addIssue({ code: 'custom', message: 'field.tooLong' });
        return seals ?? [];
      }),
    reason,
  })
  .superRefine((v, ctx) => {
    if (v.netWeightKg !== null && v.grossWeightKg !== null && v.grossWeightKg < v.netWeightKg)
      ctx.addIssue({ code: 'custom', path: ['grossWeightKg'], message: 'field.grossBelowNet' });
  })
  .transform(({ netWeightKg, grossWeightKg, lengthCm, widthCm, heightCm, ...rest }) => ({
    ...rest,
    measures: {
      netWeightGrams: netWeightKg,
      grossWeightGrams: grossWeightKg,
      lengthMm: lengthCm,
      widthMm: widthCm,
      heightMm: heightCm,
    },
  }));
export type ParcelMeasures = z.output<typeof parcelInput>['measures'];

export const mediaInput = z.object({ reason });

/** One unit: serial, and for miners the burn-in (all of hashrate, unit, hours and result, or none). */
export const unitInput = z
  .object({
    parcelId: id,
    orderLineId: id,
    serialNumber: z
      .string({ message: 'packing.serialRequired' })
      .trim()
      .min(1, { message: 'packing.serialRequired' })
      .max(64, { message: 'field.tooLong' })
      .regex(SERIAL_NUMBER, { message: 'packing.serialInvalid' }),
    hashrate: optionalNumber,
    hashrateUnit: z.enum(hashrateUnits).default('TH/s'),
    hours: optionalNumber,
    passed: z.enum(['', 'pass', 'fail']).default(''),
    correctsUnitId: z
      .string()
      .transform((v) => (v === '' ? undefined : Number(v)))
      .refine((v) => v === undefined || Number.isInteger(v), { message: 'field.invalid' })
      .optional(),
    reason,
  })
  .superRefine((v, ctx) => {
    const given = [v.hashrate !== undefined, v.hours !== undefined, v.passed !== ''];
    if (given.some(Boolean) && !given.every(Boolean)) {
      const field = v.hashrate === undefined ? 'hashrate' : v.hours === undefined ? 'hours' : 'passed';
      ctx.addIssue({ code: 'custom', path: [field], message: 'packing.burnInIncomplete' });
    }
  })
  .transform(({ hashrate, hashrateUnit, hours, passed, ...rest }) => ({
    ...rest,
    burnIn:
      hashrate !== undefined && hours !== undefined && passed !== ''
        ? { hashrate, unit: hashrateUnit, hours, passed: passed === 'pass' }
        : undefined,
  }));
export type UnitInput = z.output<typeof unitInput>;

/** One parcel's tracking number as carriers print them. */
export const TRACKING_NUMBER = /^[A-Za-z0-9-]{4,40}$/;

export const shipInput = z.object({
  carrier: z.enum(carriers, { message: 'field.required' }),
  tracking: z
    .string()
    .trim()
    .min(4, { message: 'field.trackingInvalid' })
    .max(400)
    .transform((v) => v.split(/[\s,;]+/).filter(Boolean))
    .refine((list) => list.length > 0 && list.length <= 20 && list.every((t) => TRACKING_NUMBER.test(t)), {
      message: 'field.trackingInvalid',
    }),
});
