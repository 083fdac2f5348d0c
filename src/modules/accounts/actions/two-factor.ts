import type { Db, DbOrTx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { i18n, plainText } from '../../../platform/i18n/index.js';
import { queueMail } from '../../../platform/mail/index.js';
import { attemptKeys, countAttempts, refundAttempts } from '../attempt-counter.repo.js';
import { createChallenge, findChallenge, takeChallenge } from '../login-challenge.repo.js';
import {
  claimRecoveryCode,
  claimStep,
  findSecondFactor,
  insertRecoveryCodes,
  insertSecondFactor,
} from '../second-factor.repo.js';
import { createSession } from '../session.repo.js';
import { matchTotp, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode } from '../totp.js';
import { findUserById, updateUser } from '../user.repo.js';

interface Attempt {
  challenge: string;
  code: string;
  ip: string;
  limit: number;
  userAgent?: string;
}

const expired = () => new AppError('VALIDATION', { fields: { _form: 'acct.challengeExpired' } });
const wrongCode = () => new AppError('VALIDATION', { fields: { code: 'acct.codeWrong' } });

/** The half-done login behind the cookie, with its user, or "log in again". */
export async function challengeFor(db: Db, token: string, now: Date) {
  const challenge = token ? await findChallenge(db, token, now) : undefined;
  const user = challenge && (await findUserById(db, challenge.userId));
  if (!challenge || !user?.active) throw expired();
  return { challenge, user };
}

/** After an accepted invitation: straight to enrolment (the password was just chosen). */
export async function startEnrolment(db: DbOrTx, userId: number, now: Date) {
  return createChallenge(db, { userId, pendingSecret: newTotpSecret(), next: null }, now);
}

/** Counts a code attempt (per client address and per account) before it is checked. */
async function limitCodes(db: Db, ip: string, userId: number, limit: number) {
  const keys = attemptKeys('totp', ip, `user-${userId}`);
  if ((await countAttempts(db, keys)) > limit) throw new AppError('RATE_LIMITED');
  return keys;
}

/** Opens the session the challenge was for: a fresh id, the last login noted, the owner told. */
async function finishLogin(
  tx: DbOrTx,
  user: { id: number; email: string; locale: 'en' | 'es' },
  a: Attempt,
  now: Date,
) {
  const sessionId = await createSession(tx, user.id, a.userAgent);
  await updateUser(tx, user.id, { lastLoginAt: now });
  const when = i18n(user.locale).dateTime(now);
  await queueMail(tx, [{ email: user.email, locale: user.locale }], () => ({
    subject: plainText(user.locale, 'acct.mailSignInSubject'),
    body: plainText(user.locale, 'acct.mailSignInBody', { when, ip: a.ip, device: a.userAgent ?? '?' }),
  }));
  return sessionId;
}

/**
 * The second step of a staff login: a code from the authenticator app (its time-step spent,
 * so it cannot be replayed) or one unused recovery code. Failures count against the limits.
 */
export async function verifySecondFactor(db: Db, a: Attempt, now: Date) {
  const { challenge, user } = await challengeFor(db, a.challenge, now);
  const keys = await limitCodes(db, a.ip, user.id, a.limit);
  const factor = await findSecondFactor(db, user.id);
  if (!factor) throw expired();
  return db.transaction(async (tx) => {
    const step = matchTotp(factor.secret, a.code, now);
    const recovery = step === undefined ? normalizeRecoveryCode(a.code) : undefined;
    const ok =
      step !== undefined
        ? await claimStep(tx, user.id, step)
        : recovery && (await claimRecoveryCode(tx, user.id, recovery, now));
    if (!ok) throw wrongCode();
    if (!(await takeChallenge(tx, a.challenge, now))) throw expired();
    await refundAttempts(tx, keys);
    return { sessionId: await finishLogin(tx, user, a, now), next: challenge.next, usedRecoveryCode: !!recovery };
  });
}

/**
 * Enrolment: the first code from the app proves it holds the secret. The secret is kept, its
 * step spent, ten recovery codes made (the caller shows them once) and the session opened.
 */
export async function enrolSecondFactor(db: Db, a: Attempt, now: Date) {
  const { challenge, user } = await challengeFor(db, a.challenge, now);
  if (!challenge.pendingSecret) throw expired();
  const keys = await limitCodes(db, a.ip, user.id, a.limit);
  const step = matchTotp(challenge.pendingSecret, a.code, now);
  if (step === undefined) throw wrongCode();
  const secret = challenge.pendingSecret;
  return db.transaction(async (tx) => {
    if (!(await takeChallenge(tx, a.challenge, now))) throw expired();
    if (!(await insertSecondFactor(tx, user.id, secret, step))) throw expired();
    const codes = newRecoveryCodes();
    await insertRecoveryCodes(tx, user.id, codes);
    await refundAttempts(tx, keys);
    const sessionId = await finishLogin(tx, user, a, now);
    const who = { id: user.id, email: user.email, fullName: user.fullName, role: user.role };
    return { sessionId, next: challenge.next, codes, user: who };
  });
}

/** Gives a user a known secret (the demo staff's, a test's): trusted code, never a form. */
export async function setSecondFactorSecret(db: DbOrTx, userId: number, secret: string) {
  await insertSecondFactor(db, userId, secret, 0);
}
