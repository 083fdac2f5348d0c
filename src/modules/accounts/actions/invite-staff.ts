import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/index.js';
import type { Role } from '../../../platform/auth/roles.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { localePath } from '../../../platform/http/locale.js';
import { type Locale, plainText } from '../../../platform/i18n/index.js';
import { queueMail } from '../../../platform/mail/index.js';
import { accountLinks } from '../account.tables.js';
import { findAccountLink, insertAccountLink, LINK_HOURS, takeAccountLink } from '../account-link.repo.js';
import { hashPassword, passwordProblem } from '../password.js';
import { findUserByEmail, insertUser, normalizeEmail } from '../user.repo.js';
import { recordUserChange } from '../user-change.repo.js';
import { linkInvalid } from './reset-password.js';

/**
 * An admin invites a staff member: a 72-hour single-use link, mailed in the language the admin
 * chose for them. A newer invitation to the same address replaces the older one.
 */
export async function inviteStaff(
  db: Db,
  input: { email: string; fullName: string; role: Role; locale: Locale },
  actorId: number,
  publicUrl: string,
  now: Date,
) {
  const email = normalizeEmail(input.email);
  await db.transaction(async (tx) => {
    if (await findUserByEmail(tx, email)) throw new AppError('VALIDATION', { fields: { email: 'acct.inviteTaken' } });
    await tx.delete(accountLinks).where(and(eq(accountLinks.purpose, 'invitation'), eq(accountLinks.email, email)));
    const token = await insertAccountLink(
      tx,
      {
        purpose: 'invitation',
        email,
        fullName: input.fullName,
        role: input.role,
        locale: input.locale,
        createdBy: actorId,
      },
      now,
    );
    const l = input.locale;
    const role = plainText(l, `role.${input.role}`);
    await queueMail(tx, [{ email: email, locale: l }], () => ({
      subject: plainText(l, 'acct.mailInviteSubject'),
      body: `${plainText(l, 'acct.mailInviteBody', { role, hours: LINK_HOURS.invitation })}\n\n${publicUrl}${localePath(l, `/invite?token=${token}`)}\n`,
    }));
    await recordUserChange(tx, { actorId, userId: null, email, kind: 'invited', detail: input.role });
    const after = { email, fullName: input.fullName, role: input.role };
    await recordAudit(tx, { actor: actorId, action: 'user.invite', subject: { type: 'user', id: email }, after });
  });
}

export const invitationFor = (db: Db, token: string, now: Date) => findAccountLink(db, 'invitation', token, now);

/**
 * The invitee sets their own password; the account exists from here on, with the role the
 * admin chose (never one posted with the form). Two-factor enrolment follows at once.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; fullName: string; password: string },
  now: Date,
) {
  const link = await invitationFor(db, input.token, now);
  if (!link?.role) throw linkInvalid();
  const problem = passwordProblem(link.role, input.password);
  if (problem) throw new AppError('VALIDATION', { fields: { password: problem } });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const taken = await takeAccountLink(tx, 'invitation', input.token, now);
    const user =
      taken?.role &&
      (await insertUser(tx, {
        email: taken.email,
        fullName: input.fullName,
        passwordHash,
        role: taken.role,
        locale: taken.locale,
      }));
    if (!taken || !user) throw linkInvalid();
    await recordUserChange(tx, {
      actorId: user.id,
      userId: user.id,
      email: user.email,
      kind: 'joined',
      detail: user.role,
    });
    return user;
  });
}
