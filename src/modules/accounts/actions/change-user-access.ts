import type { Role } from '../../../platform/auth/roles.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { accountAttemptKey, clearAttempts } from '../attempt-counter.repo.js';
import { hashPassword, passwordProblem } from '../password.js';
import { deleteUserSessions } from '../session.repo.js';
import { updateUser } from '../user.repo.js';

/*
 * Every change to who a user is or what they may do goes through here. Each one deletes the
 * user's sessions in the same transaction: a session opened before the change must not carry
 * on after it (a deactivated user reactivated later, a demoted admin, a stolen password).
 */

export async function setUserActive(db: Db, userId: number, active: boolean) {
  await db.transaction(async (tx) => {
    if (!(await updateUser(tx, userId, { active }))) throw notFound();
    await deleteUserSessions(tx, userId);
  });
}

export async function changeUserRole(db: Db, userId: number, role: Role) {
  await db.transaction(async (tx) => {
    if (!(await updateUser(tx, userId, { role }))) throw notFound();
    await deleteUserSessions(tx, userId);
  });
}

/** Sets a new password (the staff length rule applies to the user's current role). */
export async function changePassword(db: Db, userId: number, role: Role, password: string) {
  const problem = passwordProblem(role, password);
  if (problem) throw new AppError('VALIDATION', { fields: { password: problem } });
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const user = await updateUser(tx, userId, { passwordHash });
    if (!user) throw notFound();
    await deleteUserSessions(tx, userId);
    // A new password (a reset, once there is one) is how a locked-out owner gets back in.
    await clearAttempts(tx, [accountAttemptKey('login', user.email)]);
  });
}
