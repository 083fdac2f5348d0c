import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { attemptKeys, countAttempts, refundAttempts } from '../attempt-counter.repo.js';
import { verifyPassword } from '../password.js';
import { createSession, deleteSession } from '../session.repo.js';
import { findUserByEmail, updateUser } from '../user.repo.js';

/**
 * Checks the password and opens a new session (a fresh id at every login, so a
 * planted cookie is worthless). Unknown e-mail and wrong password answer the same,
 * in the same time. At most `limit` failures per 15 minutes per client address and
 * per account, kept in the database so every process shares them; a correct login
 * gives its attempt back, so an office behind one address is never locked out by
 * its own logins.
 */
export async function logIn(
  db: Db,
  input: { email: string; password: string; ip: string; limit: number; previousSessionId?: string },
) {
  const keys = attemptKeys('login', input.ip, input.email);
  if ((await countAttempts(db, keys)) > input.limit) throw new AppError('RATE_LIMITED');
  const user = await findUserByEmail(db, input.email);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || !user.active) throw new AppError('VALIDATION', { fields: { _form: 'auth.badCredentials' } });
  return db.transaction(async (tx) => {
    await refundAttempts(tx, keys);
    if (input.previousSessionId) await deleteSession(tx, input.previousSessionId);
    const sessionId = await createSession(tx, user.id);
    await updateUser(tx, user.id, { lastLoginAt: new Date() });
    return { sessionId, user: { id: user.id, email: user.email, fullName: user.fullName, role: user.role } };
  });
}
