import { z } from 'zod';
import { type Role, roles } from '../../platform/auth/roles.js';
import { locales } from '../../platform/i18n/index.js';
import { isCommonPassword } from './password.js';

const email = z.string().trim().toLowerCase().max(254).email({ message: 'field.emailInvalid' });

export const registerInput = z.object({
  fullName: z.string().trim().min(2, { message: 'field.fullNameRequired' }).max(120, { message: 'field.tooLong' }),
  email,
  password: z
    .string()
    .min(8, { message: 'field.passwordShort' })
    .max(256, { message: 'field.tooLong' })
    .refine((p) => !isCommonPassword(p), { message: 'field.passwordCommon' }),
  next: z.string().optional(),
  addProduct: z.coerce.number().int().positive().optional(),
  addQuantity: z.coerce.number().int().positive().optional(),
});

export const loginInput = z.object({
  email,
  password: z.string().min(1, { message: 'field.required' }).max(256),
  next: z.string().optional(),
  addProduct: z.coerce.number().int().positive().optional(),
  addQuantity: z.coerce.number().int().positive().optional(),
});

export type RegisterInput = z.infer<typeof registerInput>;
export type LoginInput = z.infer<typeof loginInput>;

export const forgotInput = z.object({ email });

const token = z.string().max(100).default('');
const newPassword = z.string().min(1, { message: 'field.required' }).max(256, { message: 'field.tooLong' });

export const resetInput = z.object({ token, password: newPassword });

const staffRoles = roles.filter((r) => r !== 'customer') as [Exclude<Role, 'customer'>, ...Exclude<Role, 'customer'>[]];
const fullName = z.string().trim().min(2, { message: 'field.fullNameRequired' }).max(120, { message: 'field.tooLong' });

export const usersQuery = z.object({
  q: z.string().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export const inviteInput = z.object({ email, fullName, role: z.enum(staffRoles), locale: z.enum(locales) });
export const roleInput = z.object({ role: z.enum(roles) });
export const activeInput = z.object({ active: z.enum(['true', 'false']).transform((v) => v === 'true') });
export const acceptInput = z.object({ token, fullName, password: newPassword });

export const profileInput = z.object({
  fullName,
  phone: z
    .string()
    .trim()
    .max(40, { message: 'field.tooLong' })
    .regex(/^[+\d\s().-]*$/, { message: 'field.phoneFormat' })
    .transform((v) => v || null),
  locale: z.enum(locales),
});
export const ownPasswordInput = z.object({
  current: z.string().min(1, { message: 'field.required' }).max(256),
  password: newPassword,
});
export const emailChangeInput = z.object({ email, current: z.string().min(1, { message: 'field.required' }).max(256) });
