import { z } from 'zod';
import type { MessageKey } from '../../platform/i18n/index.js';
import { settingsSchema } from './settings.rules.js';

/** Validates with the stored setting's own schema, so the form and the store never disagree. */
const as = <S extends z.ZodType>(schema: S, message: MessageKey, pre: (v: unknown) => unknown = (v) => v) =>
  z.unknown().transform((v, ctx) => {
    const parsed = schema.safeParse(pre(v));
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return parsed.data as z.output<S>;
  });

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : undefined);
const whole = (v: unknown) => (typeof v === 'string' && /^\s*\d{1,6}\s*$/.test(v) ? Number(v) : Number.NaN);

/** Checkbox groups post one value per ticked box: none, one (a string) or many (an array). */
export const submittedList = (v: unknown): string[] => [
  ...new Set(
    (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).filter((x): x is string => typeof x === 'string'),
  ),
];

export const settingsForm = z.object({
  sellerName: as(settingsSchema.sellerName, 'field.required', text),
  sellerAddress: as(settingsSchema.sellerAddress, 'field.tooLong', (v) => text(v) ?? ''),
  sellerEmail: as(settingsSchema.sellerEmail, 'field.emailInvalid', text),
  sellerPhone: as(settingsSchema.sellerPhone, 'field.tooLong', (v) => text(v) ?? ''),
  // Optional: a form without it (an older page still open) leaves the stored value as it is.
  sellerTaxId: as(settingsSchema.sellerTaxId, 'field.tooLong', (v) => text(v) ?? '').optional(),
  whatsappNumber: as(settingsSchema.whatsappNumber, 'field.phoneInvalid', text),
  paymentDeadlineHours: as(settingsSchema.paymentDeadlineHours, 'field.paymentDeadlineInvalid', whole),
  autoCompleteDays: as(settingsSchema.autoCompleteDays, 'field.autoCompleteInvalid', whole),
  destinations: as(settingsSchema.destinations.unwrap().min(1), 'field.destinationsRequired', submittedList),
  cryptoRestricted: as(settingsSchema.cryptoRestricted, 'field.countryInvalid', submittedList),
  cryptoRestrictionMode: as(settingsSchema.cryptoRestrictionMode, 'field.invalid'),
});

export type SettingsFormData = z.output<typeof settingsForm>;
