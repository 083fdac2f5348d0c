import { z } from 'zod';
import { countryCodes } from '../../platform/countries.js';
import { usdField } from '../../platform/money.js';
import { shippingMethods } from './order.rules.js';

const text = (max: number, message = 'field.required') =>
  z.string().trim().min(1, { message }).max(max, { message: 'field.tooLong' });

export const submitOrderInput = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  /** When the cart the form showed was last added to (ms): tells "already ordered" from "empty". */
  cartAt: z.preprocess(
    (v) => (typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : undefined),
    z.number().int().positive().optional(),
  ),
  fullName: text(120),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,24}$/, { message: 'field.phoneInvalid' }),
  country: z.enum(countryCodes, { message: 'field.countryRequired' }),
  city: text(100),
  address: text(300),
  postalCode: z.string().trim().max(20, { message: 'field.tooLong' }).default(''),
  company: z.string().trim().max(120, { message: 'field.tooLong' }).default(''),
  taxId: z.string().trim().max(40, { message: 'field.tooLong' }).default(''),
  shippingMethod: z.enum(shippingMethods, { message: 'field.shippingMethodRequired' }),
  paymentMethodId: z.coerce
    .number({ message: 'field.paymentMethodRequired' })
    .int()
    .positive({ message: 'field.paymentMethodRequired' }),
  cryptoAcknowledged: z.preprocess((v) => v === 'on' || v === '1' || v === 'true', z.boolean()),
});
export type SubmitOrderInput = z.infer<typeof submitOrderInput>;

export const setFreightInput = z.object({
  freight: usdField('price'),
  validDays: z.coerce
    .number({ message: 'field.invalid' })
    .int()
    .min(1, { message: 'field.invalid' })
    .max(60)
    .default(7),
  note: z.string().trim().max(1000).default(''),
});

export const reasonInput = z.object({ reason: text(1000, 'field.reasonMissing') });
export const optionalNoteInput = z.object({
  reason: z.string().trim().max(1000, { message: 'field.tooLong' }).default(''),
});

export const messageInput = z.object({
  body: text(4000, 'field.messageRequired'),
  internal: z.preprocess((v) => v === 'on' || v === '1', z.boolean()).default(false),
});
