import { minPasswordLength, type Role } from '../../../platform/auth/roles.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import type { Locale } from '../../../platform/i18n/index.js';
import { hashPassword } from '../password.js';
import { insertUser } from '../user.repo.js';

/** Creates an account; a taken e-mail is a field error (checked by the insert itself, not beforehand). */
export async function registerUser(
  db: Db,
  input: { fullName: string; email: string; password: string; role?: Role; locale?: Locale },
) {
  const role = input.role ?? 'customer';
  // Staff accounts guard money and data: longer passwords (SECURITY.md).
  if (input.password.length < minPasswordLength(role)) {
    throw new AppError('VALIDATION', { fields: { password: 'field.passwordShortStaff' } });
  }
  const passwordHash = await hashPassword(input.password);
  const user = await insertUser(db, { ...input, passwordHash });
  if (!user) throw new AppError('VALIDATION', { fields: { email: 'field.emailTaken' } });
  return user;
}
