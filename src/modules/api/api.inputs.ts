import { z } from 'zod';
import { MAX_TOKEN_DAYS, tokenRoles } from './token.rules.js';

/** The admin's "Create token" form: a name, the roles it acts as (at least one staff role), days until it expires. */
export const createTokenInput = z.object({
  name: z.string().trim().min(1, { message: 'field.required' }).max(80, { message: 'field.tooLong' }),
  roles: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(tokenRoles, { message: 'field.invalid' })).min(1, { message: 'field.tokenRolesRequired' }),
  ),
  days: z.coerce
    .number({ message: 'field.invalid' })
    .int({ message: 'field.invalid' })
    .min(1, { message: 'field.invalid' })
    .max(MAX_TOKEN_DAYS, { message: 'field.invalid' }),
});
export type CreateTokenInput = z.output<typeof createTokenInput>;
