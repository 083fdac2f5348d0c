import type { MailContent, MailWriter } from '../../../platform/mail/index.js';
import { changedFields, methodFieldLabels, type PaymentMethodState } from '../payment-method.rules.js';
import type { DepositNetwork, PaymentMethodTerms } from '../payment-method.tables.js';

/** Staff mail about payment details: each admin in their language, always pointing back to the review page. */
export const detailsMail =
  (publicUrl: string, write: (w: MailWriter) => { subject: string; paragraphs: string[] }): MailContent =>
  (w) => {
    const { subject, paragraphs } = write(w);
    const review = w.t('mail.method.review', { url: `${publicUrl}/admin/payment-methods` });
    return { subject, body: `${paragraphs.join('\n\n')}\n\n${review}\n` };
  };

const fields = Object.keys(methodFieldLabels) as (keyof PaymentMethodState)[];

const shown = (w: MailWriter, field: keyof PaymentMethodState, v: unknown) => {
  if (v === null || v === undefined) return w.t('mail.method.none');
  if (field === 'depositNetwork') return w.t(`payments.depositNetwork.${v as DepositNetwork}`);
  if (typeof v === 'boolean') return w.t(v ? 'payments.yes' : 'payments.no');
  if (field === 'minOrderCents' || field === 'maxOrderCents') return w.money(Number(v));
  return String(v);
};

/** The change in plain words, field by field, for the mail every admin gets. */
export function describeChange(
  w: MailWriter,
  change: {
    previousDetails: string | null;
    proposedDetails: string;
    previousTerms: PaymentMethodTerms | null;
    proposedTerms: PaymentMethodTerms | null;
  },
): string[] {
  const label = (f: keyof PaymentMethodState) => w.t(methodFieldLabels[f]);
  const proposed = { ...(change.proposedTerms ?? change.previousTerms), accountDetails: change.proposedDetails };
  if (change.previousDetails === null) {
    return fields.map((f) => `${label(f)}:\n${shown(w, f, proposed[f])}`);
  }
  if (!change.proposedTerms || !change.previousTerms) {
    return [
      `${w.t('mail.method.currentDetails')}\n${change.previousDetails}`,
      `${w.t('mail.method.proposedDetails')}\n${change.proposedDetails}`,
    ];
  }
  const previous = { ...change.previousTerms, accountDetails: change.previousDetails };
  return changedFields(previous, proposed as PaymentMethodState).map(
    (f) =>
      `${label(f)}:\n  ${w.t('mail.method.now', { value: shown(w, f, previous[f]) })}\n  ${w.t('mail.method.proposed', { value: shown(w, f, proposed[f as keyof typeof proposed]) })}`,
  );
}
