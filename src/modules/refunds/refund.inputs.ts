import { z } from 'zod';
import { usdField } from '../../platform/money.js';

/** Finance's record of one transfer back to the buyer (the proof file comes beside it). */
export const refundFields = z
  .object({
    amount: usdField('payment', { invalid: 'field.amountInvalid', positive: true }),
    reference: z.string().trim().min(3, { message: 'field.referenceRequired' }).max(200, { message: 'field.tooLong' }),
    refundedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'field.dateInvalid' })
      .refine(
        (d) => {
          const t = Date.parse(`${d}T00:00:00Z`);
          return Number.isFinite(t) && t <= Date.now() + 86_400_000 && t > Date.now() - 366 * 86_400_000;
        },
        { message: 'field.dateInvalid' },
      ),
    toAccount: z.string().trim().min(3, { message: 'refund.toAccountRequired' }).max(300, { message: 'field.tooLong' }),
  })
  .transform(({ amount, ...rest }) => ({ amountCents: amount, ...rest }));
