import { recordAudit } from '../../../platform/audit/index.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { deleteUserChallenges } from '../login-challenge.repo.js';
import { deleteSecondFactor } from '../second-factor.repo.js';
import { deleteUserSessions } from '../session.repo.js';
import { findUserById } from '../user.repo.js';
import { recordUserChange } from '../user-change.repo.js';
import { mailResetLink } from './reset-password.js';

/** An admin mails a user the same one-hour reset link "Forgot your password?" sends. */
export async function sendResetLink(db: Db, userId: number, actorId: number, publicUrl: string, now: Date) {
  await db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw notFound();
    if (!user.active) throw new AppError('CONFLICT', { fields: { _form: 'acct.resetDisabled' } });
    await mailResetLink(tx, user, publicUrl, now);
    await recordUserChange(tx, { actorId, userId, email: user.email, kind: 'resetLinkSent' });
    const subject = { type: 'user', id: userId } as const;
    await recordAudit(tx, { actor: actorId, action: 'user.reset-password', subject, after: { email: user.email } });
  });
}

/**
 * A staff member lost their phone and recovery codes: an admin forgets their second factor.
 * Their sessions end; the next login (password first) enrols a new one.
 */
export async function resetSecondFactor(db: Db, userId: number, actorId: number) {
  await db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw notFound();
    if (!(await deleteSecondFactor(tx, userId)))
      throw new AppError('CONFLICT', { fields: { _form: 'acct.noSecondFactor' } });
    await deleteUserSessions(tx, userId);
    await deleteUserChallenges(tx, userId);
    await recordUserChange(tx, { actorId, userId, email: user.email, kind: 'secondFactorReset' });
    const subject = { type: 'user', id: userId } as const;
    await recordAudit(tx, { actor: actorId, action: 'user.reset-two-factor', subject, after: { email: user.email } });
  });
}
