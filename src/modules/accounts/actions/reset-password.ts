import type { Db, DbOrTx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { localePath } from '../../../platform/http/locale.js';
import { i18n, type Locale, plainText } from '../../../platform/i18n/index.js';
import { queueMail } from '../../../platform/mail/index.js';
import {
  deleteUserLinks,
  findAccountLink,
  insertAccountLink,
  LINK_HOURS,
  takeAccountLink,
} from '../account-link.repo.js';
import { accountAttemptKey, clearAttempts } from '../attempt-counter.repo.js';
import { deleteUserChallenges } from '../login-challenge.repo.js';
import { hashPassword, passwordProblem } from '../password.js';
import { deleteUserSessions } from '../session.repo.js';
import { findUserByEmail, findUserById, normalizeEmail, updateUser } from '../user.repo.js';
import { recordUserChange } from '../user-change.repo.js';

export const linkInvalid = () => new AppError('VALIDATION', { fields: { _form: 'auth.linkInvalid' } });

/** Tells the owner their password changed (a reset or a change they did not make is noticed at once). */
export async function mailPasswordChanged(tx: DbOrTx, user: { email: string; locale: Locale }, now: Date) {
  await queueMail(tx, [{ email: user.email, locale: user.locale }], () => ({
    subject: plainText(user.locale, 'acct.mailPasswordChangedSubject'),
    body: plainText(user.locale, 'acct.mailPasswordChangedBody', { when: i18n(user.locale).dateTime(now) }),
  }));
}

/** Queues the mail with a one-hour reset link for an active account, in its owner's language. */
export async function mailResetLink(
  tx: DbOrTx,
  user: { id: number; email: string; locale: Locale },
  publicUrl: string,
  now: Date,
) {
  const token = await insertAccountLink(
    tx,
    { purpose: 'password_reset', userId: user.id, email: user.email, locale: user.locale },
    now,
  );
  const l = user.locale;
  await queueMail(tx, [{ email: user.email, locale: l }], () => ({
    subject: plainText(l, 'acct.mailResetSubject'),
    body: `${plainText(l, 'acct.mailResetBody', { hours: LINK_HOURS.password_reset })}\n\n${publicUrl}${localePath(l, `/password/reset?token=${token}`)}\n`,
  }));
}

/**
 * "Forgot your password?": the answer is the same whatever the address, and so is the work:
 * one lookup, one link row, one mail. An address without an active account gets a note
 * saying so (its owner may use another address) and a link that could never work.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; locale: Locale },
  publicUrl: string,
  now: Date,
) {
  const email = normalizeEmail(input.email);
  await db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (user?.active) return mailResetLink(tx, user, publicUrl, now);
    await insertAccountLink(tx, { purpose: 'password_reset', userId: null, email, locale: input.locale }, now);
    await queueMail(tx, [{ email: email, locale: input.locale }], () => ({
      subject: plainText(input.locale, 'acct.mailResetSubject'),
      body: `${plainText(input.locale, 'acct.mailResetNoAccount')}\n\n${publicUrl}${localePath(input.locale, '/register')}\n`,
    }));
  });
}

/** The account a reset link would reset, if the link still works (the page shows its form). */
export async function resetLinkUser(db: Db, token: string, now: Date) {
  const link = await findAccountLink(db, 'password_reset', token, now);
  const user = link?.userId ? await findUserById(db, link.userId) : undefined;
  return user?.active ? user : undefined;
}

/**
 * Sets the new password from a reset link: the link works once, every session of the account
 * ends, and the login lock the guesses put on it lifts. It does not log in: staff still owe
 * their second factor at the next login, so a mailbox alone never opens a staff account.
 */
export async function resetPassword(db: Db, input: { token: string; password: string }, now: Date) {
  const user = await resetLinkUser(db, input.token, now);
  if (!user) throw linkInvalid();
  const problem = passwordProblem(user.role, input.password);
  if (problem) throw new AppError('VALIDATION', { fields: { password: problem } });
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    if (!(await takeAccountLink(tx, 'password_reset', input.token, now))) throw linkInvalid();
    await updateUser(tx, user.id, { passwordHash });
    await deleteUserSessions(tx, user.id);
    await deleteUserChallenges(tx, user.id);
    await deleteUserLinks(tx, user.id, 'password_reset');
    await clearAttempts(tx, [accountAttemptKey('login', user.email)]);
    await recordUserChange(tx, { actorId: user.id, userId: user.id, email: user.email, kind: 'passwordReset' });
    await mailPasswordChanged(tx, user, now);
  });
}
