import type { Mail } from '../../../platform/mail/index.js';
import { changedFields, type PaymentMethodState } from '../payment-method.rules.js';
import type { PaymentMethodTerms } from '../payment-method.tables.js';

/** Staff mail about payment details: plain text, English, always pointing back to the review page. */
export const detailsMail = (publicUrl: string, to: string, subject: string, paragraphs: string[]): Mail => ({
  to,
  subject,
  body: `${paragraphs.join('\n\n')}\n\nReview: ${publicUrl}/admin/payment-methods\n`,
});

const labels: Record<keyof PaymentMethodState, string> = {
  name: 'Name',
  instructions: 'Instructions',
  accountDetails: 'Account details',
  minOrderCents: 'Minimum order',
  maxOrderCents: 'Maximum order',
  largeOrderOnly: 'Large orders only',
  active: 'Offered at checkout',
  sortOrder: 'Sort order',
};

const shown = (field: keyof PaymentMethodState, v: unknown) => {
  if (v === null) return '(none)';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (field === 'minOrderCents' || field === 'maxOrderCents') return `US$${(Number(v) / 100).toFixed(2)}`;
  return String(v);
};

/** The change in plain words, field by field, for the mail every admin gets. */
export function describeChange(change: {
  previousDetails: string | null;
  proposedDetails: string;
  previousTerms: PaymentMethodTerms | null;
  proposedTerms: PaymentMethodTerms | null;
}): string[] {
  const proposed = { ...(change.proposedTerms ?? change.previousTerms), accountDetails: change.proposedDetails };
  if (change.previousDetails === null) {
    return Object.entries(labels).map(
      ([f, label]) => `${label}:\n${shown(f as keyof PaymentMethodState, proposed[f as keyof PaymentMethodState])}`,
    );
  }
  if (!change.proposedTerms || !change.previousTerms) {
    return [`Current details:\n${change.previousDetails}`, `Proposed details:\n${change.proposedDetails}`];
  }
  const previous = { ...change.previousTerms, accountDetails: change.previousDetails };
  return changedFields(previous, proposed as PaymentMethodState).map(
    (f) =>
      `${labels[f]}:\n  now: ${shown(f, previous[f])}\n  proposed: ${shown(f, proposed[f as keyof typeof proposed])}`,
  );
}
