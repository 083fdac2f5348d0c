import { recordAudit } from '../../../platform/audit/index.js';
import type { Role } from '../../../platform/auth/roles.js';
import type { Db, DbOrTx } from '../../../platform/db/client.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { accountAttemptKey, clearAttempts } from '../attempt-counter.repo.js';
import { deleteUserChallenges } from '../login-challenge.repo.js';
import { hashPassword, passwordProblem } from '../password.js';
import { deleteUserSessions } from '../session.repo.js';
import { findUserById, updateUser } from '../user.repo.js';
import { recordUserChange } from '../user-change.repo.js';
import { lockActiveAdmins } from '../user-list.repo.js';

/*
 * Every change to who a user is or what they may do goes through here. Each one deletes the
 * user's sessions in the same transaction: a session opened before the change must not carry
 * on after it (a deactivated user reactivated later, a demoted admin, a stolen password).
 * `actorId` is who made the change (recorded); without one it is the system (seed, tests).
 */

const userSubject = (id: number) => ({ type: 'user', id }) as const;

/** Refuses to leave the shop without an active admin (the only one who can fix that). */
async function keepAnAdmin(tx: DbOrTx, userId: number) {
  const admins = await lockActiveAdmins(tx);
  if (admins.length === 1 && admins[0] === userId) {
    throw new AppError('CONFLICT', { fields: { _form: 'acct.lastAdmin' } });
  }
}

export async function setUserActive(db: Db, userId: number, active: boolean, actorId: number | null = null) {
  await db.transaction(async (tx) => {
    if (!active) await keepAnAdmin(tx, userId);
    const user = await updateUser(tx, userId, { active });
    if (!user) throw notFound();
    await deleteUserSessions(tx, userId);
    await deleteUserChallenges(tx, userId);
    await recordUserChange(tx, { actorId, userId, email: user.email, kind: active ? 'enabled' : 'disabled' });
    const change = { before: { active: !active }, after: { active, email: user.email } };
    if (actorId)
      await recordAudit(tx, { actor: actorId, action: 'user.active', subject: userSubject(userId), ...change });
  });
}

export async function changeUserRole(db: Db, userId: number, role: Role, actorId: number | null = null) {
  await db.transaction(async (tx) => {
    if (role !== 'admin') await keepAnAdmin(tx, userId);
    const before = await findUserById(tx, userId);
    if (!before || !(await updateUser(tx, userId, { role }))) throw notFound();
    await deleteUserSessions(tx, userId);
    await deleteUserChallenges(tx, userId);
    const detail = `${before.role} → ${role}`;
    await recordUserChange(tx, { actorId, userId, email: before.email, kind: 'role', detail });
    const change = { before: { role: before.role }, after: { role, email: before.email } };
    if (actorId)
      await recordAudit(tx, { actor: actorId, action: 'user.role', subject: userSubject(userId), ...change });
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
    // A new password is how a locked-out owner gets back in.
    await clearAttempts(tx, [accountAttemptKey('login', user.email)]);
  });
}
