import type { DbOrTx } from '../../../platform/db/client.js';
import type { MailContent, MailWriter } from '../../../platform/mail/index.js';
import { notifyCustomer, notifyRoles } from '../../accounts/index.js';
import type { Case } from '../case.repo.js';

/** The customer's mail text in their language: a headline and optional details (user data as is). */
export type CaseMailText = (w: MailWriter) => [headline: string, details?: string];

/** Tells the customer their case changed, in their language, inside the transaction that changed it. */
export async function mailCustomer(tx: DbOrTx, c: Case, text: CaseMailText) {
  await notifyCustomer(tx, c.customerId, (w) => {
    const [headline, details] = text(w);
    return {
      subject: w.t('mail.case.subject', { number: c.number, state: w.t(`caseState.${c.status}`) }),
      body: [headline, details, w.t('mail.case.follow', { number: c.number })].filter(Boolean).join('\n\n'),
    };
  });
}

/** Tells every active support agent, each in their language (admins see the queue anyway). */
export async function mailSupport(tx: DbOrTx, content: MailContent) {
  await notifyRoles(tx, ['support'], content);
}
