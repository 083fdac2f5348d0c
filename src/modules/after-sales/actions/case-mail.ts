import type { DbOrTx } from '../../../platform/db/client.js';
import { type Locale, plainText } from '../../../platform/i18n/index.js';
import { enqueueMail } from '../../../platform/mail/index.js';
import { activeStaffEmails, contactOf } from '../../accounts/index.js';
import type { Case } from '../case.repo.js';

/** The customer's mail text in their language: a headline and optional details (user data as is). */
export type CaseMailText = (locale: Locale) => [headline: string, details?: string];

/** Tells the customer their case changed, in their language, inside the transaction that changed it. */
export async function mailCustomer(tx: DbOrTx, c: Case, text: CaseMailText) {
  const customer = await contactOf(tx, c.customerId);
  if (!customer) return;
  const { locale } = customer;
  const [headline, details] = text(locale);
  await enqueueMail(tx, {
    to: customer.email,
    subject: plainText(locale, 'mail.case.subject', {
      number: c.number,
      state: plainText(locale, `caseState.${c.status}`),
    }),
    body: [headline, details, plainText(locale, 'mail.case.follow', { number: c.number })].filter(Boolean).join('\n\n'),
  });
}

/** Tells every active support agent (admins see the queue anyway). */
export async function mailSupport(tx: DbOrTx, subject: string, body: string) {
  const staff = await activeStaffEmails(tx, ['support']);
  await enqueueMail(tx, ...staff.map((to) => ({ to, subject, body })));
}
