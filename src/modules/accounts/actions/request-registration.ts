import type { Db } from '../../../platform/db/client.js';
import type { Locale } from '../../../platform/i18n/index.js';
import { queueMail } from '../../../platform/mail/index.js';
import type { RegisterInput } from '../account.inputs.js';
import { hashPassword } from '../password.js';
import {
  deleteExpiredRegistrationLinks,
  insertRegistrationLink,
  REGISTRATION_LINK_HOURS,
} from '../registration-link.repo.js';
import { findUserByEmail, normalizeEmail } from '../user.repo.js';

/**
 * The registration form's answer is the same whether or not the address has an account
 * ("check your inbox"), and so is the work behind it: the password is hashed either way and
 * one mail is queued either way. A new address gets a link that creates the account; an
 * address with an account gets a note saying so (its owner may have forgotten), and nothing
 * about that account changes.
 */
export async function requestRegistration(
  db: Db,
  input: RegisterInput & { locale: Locale },
  publicUrl: string,
): Promise<void> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await deleteExpiredRegistrationLinks(tx);
    // Stored either way, so both answers cost the same writes. For an address that has an
    // account the link is never sent, and could not work (the account exists); it expires.
    const token = await insertRegistrationLink(tx, {
      email,
      fullName: input.fullName,
      passwordHash,
      locale: input.locale,
      next: input.next ?? null,
      addProduct: input.addProduct ?? null,
      addQuantity: input.addQuantity ?? null,
    });
    const existing = await findUserByEmail(tx, email);
    if (existing) {
      await queueMail(tx, [{ email: existing.email, locale: existing.locale }], (w) => ({
        subject: w.t('auth.mailExistsSubject'),
        body: `${w.t('auth.mailExistsBody')}\n\n${publicUrl}${w.path('/login')}\n`,
      }));
      return;
    }
    // No account yet: the link is written in the language the form was filled in.
    await queueMail(tx, [{ email, locale: input.locale }], (w) => ({
      subject: w.t('auth.mailConfirmSubject'),
      body: `${w.t('auth.mailConfirmBody', { hours: REGISTRATION_LINK_HOURS })}\n\n${publicUrl}${w.path(`/register/confirm?token=${token}`)}\n`,
    }));
  });
}
