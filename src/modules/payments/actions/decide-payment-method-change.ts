import type { CurrentUser } from '../../../platform/auth/current-user.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { enqueueMail } from '../../../platform/mail/index.js';
import { findPaymentMethod } from '../payment-method.repo.js';
import {
  adminEmails,
  applyAccountDetails,
  findChange,
  markChangeCancelled,
  markChangeConfirmed,
} from '../payment-method-change.repo.js';
import { detailsMail } from './payment-method-mail.js';

/** Why a change could not be decided, as a message beside the change. */
async function refusal(db: Db, id: number, actor: CurrentUser): Promise<never> {
  const change = await findChange(db, id);
  if (!change) throw new AppError('NOT_FOUND');
  if (change.status !== 'pending')
    throw new AppError('CONFLICT', { fields: { _form: 'payments.changeAlreadyDecided' } });
  if (change.proposedBy === actor.id)
    throw new AppError('FORBIDDEN', { fields: { _form: 'payments.cannotConfirmOwn' } });
  throw new AppError('CONFLICT', { fields: { _form: 'payments.changeAlreadyDecided' } });
}

/**
 * A second admin confirms: the change is claimed with one conditional UPDATE (pending, and
 * not proposed by this admin), then the details are copied and every admin is told.
 */
export async function confirmPaymentMethodChange(db: Db, id: number, actor: CurrentUser, publicUrl: string) {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN');
  const done = await db.transaction(async (tx) => {
    const change = await markChangeConfirmed(tx, id, actor.id);
    if (!change) return undefined;
    const method = await applyAccountDetails(
      tx,
      change.paymentMethodId,
      change.previousDetails,
      change.proposedDetails,
    );
    // The details moved under the proposal (only possible outside this app): nothing applies.
    if (!method) throw new AppError('CONFLICT', { fields: { _form: 'payments.changeStale' } });
    const to = await adminEmails(tx);
    await enqueueMail(
      tx,
      ...to.map((email) =>
        detailsMail(publicUrl, email, `Payment details changed: ${method.name}`, [
          `${actor.fullName} <${actor.email}> confirmed new account details for "${method.name}". Buyers now see them, and buyers with an open quote are told the details changed.`,
          `Previous details:\n${change.previousDetails}`,
          `New details:\n${change.proposedDetails}`,
        ]),
      ),
    );
    return change;
  });
  return done ?? refusal(db, id, actor);
}

/** Anyone who manages payment methods may withdraw a pending change; admins are told. */
export async function cancelPaymentMethodChange(db: Db, id: number, actor: CurrentUser, publicUrl: string) {
  const done = await db.transaction(async (tx) => {
    const change = await markChangeCancelled(tx, id, actor.id);
    if (!change) return undefined;
    const method = await findPaymentMethod(tx, change.paymentMethodId);
    const to = await adminEmails(tx);
    await enqueueMail(
      tx,
      ...to.map((email) =>
        detailsMail(publicUrl, email, `Payment details change cancelled: ${method?.name ?? change.paymentMethodId}`, [
          `${actor.fullName} <${actor.email}> cancelled the proposed account details for "${method?.name ?? change.paymentMethodId}". The current details stay.`,
          `Proposed details (not applied):\n${change.proposedDetails}`,
        ]),
      ),
    );
    return change;
  });
  return done ?? refusal(db, id, actor);
}
