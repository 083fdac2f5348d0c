import { z } from 'zod';
import { usdField } from '../../platform/money.js';

/** What a proof says besides its amount: the transfer's reference and the day it was paid. */
export const proofDetails = {
  reference: z.string().trim().min(3, { message: 'field.referenceRequired' }).max(200, { message: 'field.tooLong' }),
  paidOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'field.dateInvalid' })
    .refine(
      (d) => {
        const t = Date.parse(`${d}T00:00:00Z`);
        return Number.isFinite(t) && t <= Date.now() + 86_400_000 && t > Date.now() - 366 * 86_400_000;
      },
      { message: 'field.dateInvalid' },
    ),
};

export const proofFields = z
  .object({ amount: usdField('payment', { invalid: 'field.amountInvalid', positive: true }), ...proofDetails })
  .transform(({ amount, ...rest }) => ({ amountCents: amount, ...rest }));

export const rejectInput = z.object({
  reason: z.string().trim().min(1, { message: 'field.reasonMissing' }).max(1000),
});
