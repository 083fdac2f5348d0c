import { recordAudit } from '../../../platform/audit/index.js';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { notifyRoles } from '../../accounts/index.js';
import type { PaymentMethodFormData } from '../payment-method.inputs.js';
import { findPaymentMethod } from '../payment-method.repo.js';
import { changedFields, termsOf } from '../payment-method.rules.js';
import { findPendingChangeOf, insertPendingChange } from '../payment-method-change.repo.js';
import { describeChange, detailsMail } from './payment-method-mail.js';

/**
 * Finance proposes a new method (`methodId` null) or a change to one. Nothing a buyer
 * sees changes here: whatever changes where or how a buyer pays waits for a second
 * admin (DESIGN §4b), and every admin is mailed the proposal. Returns whether anything
 * was proposed (saving the form unchanged proposes nothing).
 */
export async function proposePaymentMethod(
  db: Db,
  methodId: number | null,
  data: PaymentMethodFormData,
  actor: CurrentUser,
  publicUrl: string,
) {
  return db.transaction(async (tx) => {
    const { accountDetails, ...rest } = data;
    const proposedTerms = termsOf(rest);
    const current = methodId === null ? undefined : await findPaymentMethod(tx, methodId);
    if (methodId !== null && !current) throw new AppError('NOT_FOUND');
    if (current && changedFields(current, { ...proposedTerms, accountDetails }).length === 0)
      return { proposed: false };

    if (current) {
      const pending = await findPendingChangeOf(tx, current.id);
      const same = (t: typeof proposedTerms | null) =>
        !!t && changedFields({ ...t, accountDetails }, { ...proposedTerms, accountDetails }).length === 0;
      if (pending && pending.proposedDetails === accountDetails && same(pending.proposedTerms))
        return { proposed: true };
    }
    const change = await insertPendingChange(tx, {
      kind: current ? 'update' : 'create',
      paymentMethodId: current?.id ?? null,
      previousDetails: current?.accountDetails ?? null,
      proposedDetails: accountDetails,
      previousTerms: current ? termsOf(current) : null,
      proposedTerms,
      proposedBy: actor.id,
    });
    // Another proposal is waiting (or won a race): it must be confirmed or cancelled first.
    if (!change) throw new AppError('VALIDATION', { fields: { _form: 'payments.changeAlreadyPending' } });
    const audit = {
      before: change.previousTerms && { ...change.previousTerms, accountDetails: change.previousDetails },
    };
    const after = { ...proposedTerms, accountDetails, paymentMethodId: change.paymentMethodId };
    const subject = { type: 'payment-method-change', id: change.id } as const;
    await recordAudit(tx, { actor, action: 'payment-method.propose', subject, ...audit, after });

    const p = { actor: `${actor.fullName} <${actor.email}>`, name: current?.name ?? proposedTerms.name };
    await notifyRoles(
      tx,
      ['admin'],
      detailsMail(publicUrl, (w) => ({
        subject: w.t(current ? 'mail.method.proposeUpdateSubject' : 'mail.method.proposeCreateSubject', p),
        paragraphs: [
          w.t(current ? 'mail.method.proposedUpdate' : 'mail.method.proposedCreate', p),
          w.t('mail.method.proposedNote'),
          ...describeChange(w, change),
        ],
      })),
    );
    return { proposed: true };
  });
}
