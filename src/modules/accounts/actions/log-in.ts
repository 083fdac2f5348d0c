import { isStaff } from '../../../platform/auth/roles.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { attemptKeys, countAttempts, refundAttempts } from '../attempt-counter.repo.js';
import { createChallenge } from '../login-challenge.repo.js';
import { verifyPassword } from '../password.js';
import { findSecondFactor } from '../second-factor.repo.js';
import { createSession, deleteSession } from '../session.repo.js';
import { newTotpSecret } from '../totp.js';
import { findUserByEmail, updateUser } from '../user.repo.js';

export type LogInResult =
  | { kind: 'session'; sessionId: string; user: { id: number; email: string; fullName: string; role: 'customer' } }
  | { kind: 'secondFactor'; challenge: string; enrol: boolean };

/**
 * Checks the password. A customer gets a new session (a fresh id at every login, so a planted
 * cookie is worthless); staff get a login challenge instead: their second factor, or its
 * enrolment, comes before any session. Unknown e-mail and wrong password answer the same, in
 * the same time. At most `limit` failures per 15 minutes per client address and per account,
 * kept in the database so every process shares them; a right password gives its attempt back,
 * so an office behind one address is never locked out by its own logins.
 */
export async function logIn(
  db: Db,
  input: {
    email: string;
    password: string;
    ip: string;
    limit: number;
    previousSessionId?: string;
    userAgent?: string;
    next?: string;
  },
  now: Date,
): Promise<LogInResult> {
  const keys = attemptKeys('login', input.ip, input.email);
  if ((await countAttempts(db, keys)) > input.limit) throw new AppError('RATE_LIMITED');
  const user = await findUserByEmail(db, input.email);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || !user.active) throw new AppError('VALIDATION', { fields: { _form: 'auth.badCredentials' } });
  return db.transaction(async (tx): Promise<LogInResult> => {
    await refundAttempts(tx, keys);
    if (input.previousSessionId) await deleteSession(tx, input.previousSessionId);
    if (isStaff(user.role)) {
      const enrol = !(await findSecondFactor(tx, user.id));
      const pendingSecret = enrol ? newTotpSecret() : null;
      const challenge = await createChallenge(tx, { userId: user.id, pendingSecret, next: input.next ?? null }, now);
      return { kind: 'secondFactor', challenge, enrol };
    }
    const sessionId = await createSession(tx, user.id, input.userAgent);
    await updateUser(tx, user.id, { lastLoginAt: now });
    return {
      kind: 'session',
      sessionId,
      user: { id: user.id, email: user.email, fullName: user.fullName, role: 'customer' },
    };
  });
}
