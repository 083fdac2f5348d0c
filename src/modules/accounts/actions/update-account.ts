import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { localePath } from '../../../platform/http/locale.js';
import { type Locale, plainText } from '../../../platform/i18n/index.js';
import { queueMail } from '../../../platform/mail/index.js';
import { findAccountLink, insertAccountLink, LINK_HOURS, takeAccountLink } from '../account-link.repo.js';
import {
  accountAttemptKey,
  attemptKeys,
  clearAttempts,
  countAttempts,
  refundAttempts,
} from '../attempt-counter.repo.js';
import { hashPassword, passwordProblem, verifyPassword } from '../password.js';
import { deleteOtherSessions } from '../session.repo.js';
import { findUserByEmail, findUserById, normalizeEmail, updateUser } from '../user.repo.js';
import { linkInvalid, mailPasswordChanged } from './reset-password.js';

export async function updateProfile(
  db: Db,
  userId: number,
  input: { fullName: string; phone: string | null; locale: Locale },
) {
  await updateUser(db, userId, input);
}

/**
 * Re-checks the password before a change that could lock the owner out (a new password, a
 * new address): a session left open on a shared computer must not be enough. Wrong guesses
 * count like failed logins.
 */
async function checkCurrentPassword(
  db: Db,
  user: { email: string; passwordHash: string },
  current: string,
  who: Asker,
  opts: { sendsMail: boolean },
) {
  const keys = attemptKeys('password', who.ip, user.email);
  if ((await countAttempts(db, keys)) > who.limit) throw new AppError('RATE_LIMITED');
  if (!(await verifyPassword(user.passwordHash, current))) {
    throw new AppError('VALIDATION', { fields: { current: 'acct.currentWrong' } });
  }
  // A request that mails someone counts even when right, like registration: no mail flood.
  if (!opts.sendsMail) await refundAttempts(db, keys);
}

interface Asker {
  userId: number;
  sessionId: string;
  ip: string;
  limit: number;
}

/** A new password from the account page: every other session ends, this one goes on. */
export async function changeOwnPassword(db: Db, who: Asker, input: { current: string; password: string }, now: Date) {
  const user = await findUserById(db, who.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  await checkCurrentPassword(db, user, input.current, who, { sendsMail: false });
  const problem = passwordProblem(user.role, input.password);
  if (problem) throw new AppError('VALIDATION', { fields: { password: problem } });
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash });
    await deleteOtherSessions(tx, user.id, who.sessionId);
    await clearAttempts(tx, [accountAttemptKey('login', user.email)]);
    await mailPasswordChanged(tx, user, now);
  });
}

/**
 * A new address takes effect only from a link mailed to it; the old address is told at once.
 * The answer and the work are the same whether or not the new address has an account: that
 * address then gets a note instead of a link.
 */
export async function requestEmailChange(
  db: Db,
  who: Asker,
  input: { email: string; current: string },
  publicUrl: string,
  now: Date,
) {
  const user = await findUserById(db, who.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  await checkCurrentPassword(db, user, input.current, who, { sendsMail: true });
  const email = normalizeEmail(input.email);
  const l = user.locale;
  await db.transaction(async (tx) => {
    const token = await insertAccountLink(tx, { purpose: 'email_change', userId: user.id, email, locale: l }, now);
    const taken = await findUserByEmail(tx, email);
    await queueMail(tx, [{ email, locale: l }], () =>
      taken
        ? { subject: plainText(l, 'acct.mailEmailSubject'), body: plainText(l, 'acct.mailEmailTaken') }
        : {
            subject: plainText(l, 'acct.mailEmailSubject'),
            body: `${plainText(l, 'acct.mailEmailConfirm', { hours: LINK_HOURS.email_change })}\n\n${publicUrl}${localePath(l, `/account/email/confirm?token=${token}`)}\n`,
          },
    );
    await queueMail(tx, [{ email: user.email, locale: l }], () => ({
      subject: plainText(l, 'acct.mailEmailOldSubject'),
      body: plainText(l, 'acct.mailEmailOld', { email }),
    }));
  });
}

export const emailChangeLink = (db: Db, token: string, now: Date) => findAccountLink(db, 'email_change', token, now);

/** Follows the link: the account's address becomes the new one (unless it got taken meanwhile). */
export async function confirmEmailChange(db: Db, token: string, now: Date) {
  await db.transaction(async (tx) => {
    const link = await takeAccountLink(tx, 'email_change', token, now);
    if (!link?.userId || (await findUserByEmail(tx, link.email))) throw linkInvalid();
    await updateUser(tx, link.userId, { email: link.email });
  });
}
