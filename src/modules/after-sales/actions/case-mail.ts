import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.js';
import { en } from '../../../platform/i18n/en.js';
import { enqueueMail } from '../../../platform/mail/index.js';
import { users } from '../../accounts/index.js';
import type { Case } from '../case.repo.js';

/** Tells the customer their case changed, inside the transaction that changed it. */
export async function mailCustomer(tx: DbOrTx, c: Case, headline: string, details = '') {
  const [customer] = await tx.select({ email: users.email }).from(users).where(eq(users.id, c.customerId));
  if (!customer) return;
  await enqueueMail(tx, {
    to: customer.email,
    subject: `After-sales case ${c.number}: ${en[`caseState.${c.status}`]}`,
    body: [headline, details, `Follow the case on /after-sales/${c.number}`].filter(Boolean).join('\n\n'),
  });
}

/** Tells every active support agent (admins see the queue anyway). */
export async function mailSupport(tx: DbOrTx, subject: string, body: string) {
  const staff = await tx
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.role, ['support']), eq(users.active, true)));
  await enqueueMail(tx, ...staff.map((s) => ({ to: s.email, subject, body })));
}
