import { z } from 'zod';
import { overCap, parseUsdToCents } from '../../platform/money.js';

/** Textareas post CRLF; details are compared and stored with plain newlines. */
const multiline = (max: number) =>
  z
    .string({ message: 'field.required' })
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, { message: 'field.required' }).max(max, { message: 'field.tooLong' }));

const optionalUsd = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const text = (v ?? '').trim();
    if (!text) return null;
    const cents = parseUsdToCents(text);
    const refused = cents === undefined ? 'field.moneyInvalid' : overCap(cents, 'payment');
    if (refused || cents === undefined) {
      ctx.addIssue({ code: 'custom', message: refused ?? 'field.moneyInvalid' });
      return z.NEVER;
    }
    return cents;
  });

const checkbox = z.preprocess((v) => v === 'on' || v === '1' || v === 'true', z.boolean());

/** The back-office payment-method form; amounts arrive in dollars and are stored in cents. */
export const paymentMethodForm = z
  .object({
    name: z
      .string({ message: 'field.required' })
      .trim()
      .min(2, { message: 'field.required' })
      .max(120, { message: 'field.tooLong' }),
    instructions: multiline(2000),
    accountDetails: multiline(2000),
    minOrder: optionalUsd,
    maxOrder: optionalUsd,
    largeOrderOnly: checkbox,
    active: checkbox,
    sortOrder: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? 0 : v),
      z.coerce
        .number({ message: 'field.invalid' })
        .int({ message: 'field.invalid' })
        .min(-1000, { message: 'field.invalid' })
        .max(1000, { message: 'field.invalid' }),
    ),
  })
  .superRefine((d, ctx) => {
    if (d.minOrder !== null && d.maxOrder !== null && d.maxOrder < d.minOrder) {
      ctx.addIssue({ code: 'custom', path: ['maxOrder'], message: 'field.maxBelowMin' });
    }
  })
  .transform(({ minOrder, maxOrder, ...rest }) => ({ ...rest, minOrderCents: minOrder, maxOrderCents: maxOrder }));

export type PaymentMethodFormData = z.output<typeof paymentMethodForm>;
