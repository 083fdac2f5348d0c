import { z } from 'zod';
import type { FormResult } from '../../platform/http/forms.js';
import { overCap, parseUsdToCents } from '../../platform/money.js';
import { checkDepositKey } from './deposit-key.rules.js';
import { depositNetworks } from './payment-method.tables.js';

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
    depositNetwork: z
      .enum(['', ...depositNetworks], { message: 'field.invalid' })
      .optional()
      .transform((v) => v || null),
    depositKey: z
      .string()
      .max(200, { message: 'field.depositKeyInvalid' })
      .optional()
      .transform((v) => v?.trim() || null),
  })
  .superRefine((d, ctx) => {
    if (d.minOrder !== null && d.maxOrder !== null && d.maxOrder < d.minOrder) {
      ctx.addIssue({ code: 'custom', path: ['maxOrder'], message: 'field.maxBelowMin' });
    }
    const refuse = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (d.depositKey === null) {
      if (d.depositNetwork) refuse('depositKey', 'field.depositKeyRequired');
      return;
    }
    const key = checkDepositKey(d.depositNetwork ?? 'btc', d.depositKey);
    // A pasted secret is refused whatever the network, before anything else is said about it.
    if (!key.ok && key.secret) refuse('depositKey', key.message);
    else if (!d.depositNetwork) refuse('depositNetwork', 'field.depositNetworkRequired');
    else if (!key.ok) refuse('depositKey', key.message);
  })
  .transform(({ minOrder, maxOrder, depositNetwork, depositKey, ...rest }) => ({
    ...rest,
    minOrderCents: minOrder,
    maxOrderCents: maxOrder,
    depositNetwork: depositKey ? depositNetwork : null,
    depositKey: depositNetwork ? depositKey : null,
  }));

/**
 * A form refused for a pasted private key or seed phrase comes back without it: the secret
 * must not sit in the page, the browser's form cache or anything that logs the response.
 */
export function withoutRefusedSecret<T>(form: FormResult<T>): FormResult<T> {
  if (form.ok || form.errors.depositKey !== 'field.depositKeyPrivate') return form;
  const { depositKey: _dropped, ...values } = form.values;
  return { ...form, values };
}

export type PaymentMethodFormData = z.output<typeof paymentMethodForm>;
