import type { CurrentUser } from '../../../platform/auth/current-user.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { enqueueMail } from '../../../platform/mail/index.js';
import type { PaymentMethodFormData } from '../payment-method.inputs.js';
import { findPaymentMethod, insertPaymentMethod, updatePaymentMethodFields } from '../payment-method.repo.js';
import { adminEmails, findPendingChangeOf, insertPendingChange } from '../payment-method-change.repo.js';
import { detailsMail } from './payment-method-mail.js';

/** A new method is live at once (no buyer was quoted on it yet), but every admin hears of it. */
export async function createPaymentMethod(db: Db, data: PaymentMethodFormData, actor: CurrentUser, publicUrl: string) {
  return db.transaction(async (tx) => {
    const method = await insertPaymentMethod(tx, data);
    const to = await adminEmails(tx);
    await enqueueMail(
      tx,
      ...to.map((email) =>
        detailsMail(publicUrl, email, `New payment method: ${method.name}`, [
          `${actor.fullName} <${actor.email}> created the payment method "${method.name}" (${method.active ? 'active' : 'inactive'}).`,
          `Account details:\n${method.accountDetails}`,
        ]),
      ),
    );
    return method;
  });
}

/**
 * Name, instructions, limits and flags apply at once. New account details never do:
 * they become a pending change that a second admin must confirm (DESIGN §4b).
 * Returns whether a change was proposed.
 */
export async function updatePaymentMethod(
  db: Db,
  id: number,
  data: PaymentMethodFormData,
  actor: CurrentUser,
  publicUrl: string,
) {
  return db.transaction(async (tx) => {
    const current = await findPaymentMethod(tx, id);
    if (!current) throw new AppError('NOT_FOUND');
    const { accountDetails, ...fields } = data;
    const method = await updatePaymentMethodFields(tx, id, fields);
    if (!method || accountDetails === method.accountDetails) return { proposed: false };

    const pending = await findPendingChangeOf(tx, id);
    if (pending?.proposedDetails === accountDetails) return { proposed: false };
    const change = pending
      ? undefined
      : await insertPendingChange(tx, {
          paymentMethodId: id,
          previousDetails: method.accountDetails,
          proposedDetails: accountDetails,
          proposedBy: actor.id,
        });
    // Another proposal is waiting (or won a race): it must be confirmed or cancelled first.
    if (!change) throw new AppError('VALIDATION', { fields: { accountDetails: 'payments.changeAlreadyPending' } });

    const to = await adminEmails(tx);
    await enqueueMail(
      tx,
      ...to.map((email) =>
        detailsMail(publicUrl, email, `Confirm new payment details: ${method.name}`, [
          `${actor.fullName} <${actor.email}> proposed new account details for "${method.name}".`,
          'They apply only when another admin confirms them. If you did not expect this change, cancel it and check the account of the proposer.',
          `Current details:\n${change.previousDetails}`,
          `Proposed details:\n${change.proposedDetails}`,
        ]),
      ),
    );
    return { proposed: true };
  });
}
