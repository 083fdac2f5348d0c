import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { takeRegistrationLink } from '../registration-link.repo.js';
import { createSession, deleteSession } from '../session.repo.js';
import { insertUser } from '../user.repo.js';

/**
 * Follows a registration link: creates the customer account and logs it in, in one
 * transaction. A link used, expired, or for an address that got an account meanwhile
 * (two links, one used) is refused the same way.
 */
export async function completeRegistration(db: Db, input: { token: string; previousSessionId?: string }) {
  return db.transaction(async (tx) => {
    const link = await takeRegistrationLink(tx, input.token);
    const user =
      link &&
      (await insertUser(tx, {
        email: link.email,
        fullName: link.fullName,
        passwordHash: link.passwordHash,
        locale: link.locale,
      }));
    if (!link || !user) throw new AppError('VALIDATION', { fields: { _form: 'auth.linkInvalid' } });
    if (input.previousSessionId) await deleteSession(tx, input.previousSessionId);
    const sessionId = await createSession(tx, user.id);
    const continuation = {
      next: link.next ?? undefined,
      addProduct: link.addProduct ?? undefined,
      addQuantity: link.addQuantity ?? undefined,
    };
    return { sessionId, user, continuation };
  });
}
