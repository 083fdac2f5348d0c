import { recordAudit } from '../../../platform/audit/index.js';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import type { Db, Tx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import type { MailWriter } from '../../../platform/mail/index.js';
import { notifyRoles } from '../../accounts/index.js';
import { findPaymentMethod, insertPaymentMethod } from '../payment-method.repo.js';
import {
  applyMethodChange,
  findChange,
  linkCreatedMethod,
  markChangeCancelled,
  markChangeConfirmed,
  type PaymentMethodChange,
} from '../payment-method-change.repo.js';
import { describeChange, detailsMail } from './payment-method-mail.js';

/** Who decides: an admin in the back office, or the operator at the command line (single-admin shops). */
export type Decider = { user: CurrentUser } | { console: true };

const deciderId = (d: Decider) => ('user' in d ? d.user.id : null);
const auditActor = (d: Decider) => ('user' in d ? d.user : null);
const deciderName = (d: Decider, w: MailWriter) =>
  'user' in d ? `${d.user.fullName} <${d.user.email}>` : w.t('mail.method.operator');

/** Why a change could not be decided, as a message beside the change. */
async function refusal(db: Db, id: number, decider: Decider): Promise<never> {
  const change = await findChange(db, id);
  if (!change) throw new AppError('NOT_FOUND');
  if (change.status !== 'pending')
    throw new AppError('CONFLICT', { fields: { _form: 'payments.changeAlreadyDecided' } });
  if (change.proposedBy === deciderId(decider))
    throw new AppError('FORBIDDEN', { fields: { _form: 'payments.cannotConfirmOwn' } });
  throw new AppError('CONFLICT', { fields: { _form: 'payments.changeAlreadyDecided' } });
}

/** Makes a confirmed change real: a new method row, or the proposal copied over what the proposer saw. */
async function apply(tx: Tx, change: PaymentMethodChange) {
  if (change.kind === 'create') {
    const method = await insertPaymentMethod(tx, { ...change.proposedTerms!, accountDetails: change.proposedDetails });
    await linkCreatedMethod(tx, change.id, method.id);
    return method;
  }
  const method = await applyMethodChange(
    tx,
    change.paymentMethodId!,
    { details: change.previousDetails!, terms: change.previousTerms },
    { details: change.proposedDetails, terms: change.proposedTerms },
  );
  // The method moved under the proposal (only possible outside this app): nothing applies.
  if (!method) throw new AppError('CONFLICT', { fields: { _form: 'payments.changeStale' } });
  return method;
}

/**
 * A second admin (or the operator) confirms: the change is claimed with one conditional
 * UPDATE (pending, and not proposed by this admin), then applied, and every admin is told.
 * Buyers see it from then on: at checkout, on /verify, and on orders quoted before it.
 */
export async function confirmPaymentMethodChange(db: Db, id: number, decider: Decider, publicUrl: string) {
  if ('user' in decider && decider.user.role !== 'admin') throw new AppError('FORBIDDEN');
  const done = await db.transaction(async (tx) => {
    const change = await markChangeConfirmed(tx, id, deciderId(decider));
    if (!change) return undefined;
    const method = await apply(tx, change);
    const subject = { type: 'payment-method-change', id: change.id } as const;
    const after = { status: 'confirmed', paymentMethodId: method.id, name: method.name };
    await recordAudit(tx, { actor: auditActor(decider), action: 'payment-method.confirm', subject, after });
    const created = change.kind === 'create';
    const confirmed = created
      ? method.active
        ? 'mail.method.confirmedCreateActive'
        : 'mail.method.confirmedCreateInactive'
      : 'mail.method.confirmedUpdate';
    await notifyRoles(
      tx,
      ['admin'],
      detailsMail(publicUrl, (w) => {
        const p = { actor: deciderName(decider, w), name: method.name };
        return {
          subject: w.t(created ? 'mail.method.liveSubject' : 'mail.method.changedSubject', p),
          paragraphs: [w.t(confirmed, p), ...describeChange(w, change)],
        };
      }),
    );
    return change;
  });
  return done ?? refusal(db, id, decider);
}

/** Anyone who manages payment methods (or the operator) may withdraw a pending change; admins are told. */
export async function cancelPaymentMethodChange(db: Db, id: number, decider: Decider, publicUrl: string) {
  const done = await db.transaction(async (tx) => {
    const change = await markChangeCancelled(tx, id, deciderId(decider));
    if (!change) return undefined;
    const method = change.paymentMethodId ? await findPaymentMethod(tx, change.paymentMethodId) : undefined;
    const name = method?.name ?? change.proposedTerms?.name ?? String(change.paymentMethodId);
    const subject = { type: 'payment-method-change', id: change.id } as const;
    const after = { status: 'cancelled', paymentMethodId: change.paymentMethodId, name };
    await recordAudit(tx, { actor: auditActor(decider), action: 'payment-method.cancel', subject, after });
    await notifyRoles(
      tx,
      ['admin'],
      detailsMail(publicUrl, (w) => {
        const p = { actor: deciderName(decider, w), name };
        return {
          subject: w.t('mail.method.cancelledSubject', p),
          paragraphs: [w.t('mail.method.cancelled', p), ...describeChange(w, change)],
        };
      }),
    );
    return change;
  });
  return done ?? refusal(db, id, decider);
}
