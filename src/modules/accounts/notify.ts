import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Role } from '../../platform/auth/roles.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { type KeyedMail, type MailContent, queueMail, queueMailSql } from '../../platform/mail/index.js';
import { recipientOf, staffRecipients, staffRecipientsSql } from './user.repo.js';

/**
 * The one way a module mails people: by i18n keys, each reader in their own language,
 * queued in the caller's transaction. Accounts owns users, so it knows who reads what.
 */

/** Mails a user (a buyer, a repair center's owner) in the language they registered in or last chose. */
export async function notifyCustomer(db: DbOrTx, userId: number, content: MailContent) {
  const to = await recipientOf(db, userId);
  if (to) await queueMail(db, [to], content);
}

/** Mails every active holder of one of `roles`, each in their language. */
export async function notifyRoles(db: DbOrTx, roles: readonly Role[], content: MailContent) {
  await queueMail(db, await staffRecipients(db, roles), content);
}

/**
 * `notifyRoles` as a statement, for a CTE of a caller saving a round trip: `from` adds the
 * caller's rows (e.g. the CTE of a new order) and `late` the parameters only they hold.
 */
export const notifyRolesSql = (
  roles: readonly Role[],
  content: KeyedMail,
  q: { from: SQL; late: Record<string, SQL> },
) =>
  queueMailSql(content, {
    from: sql`(${staffRecipientsSql(roles)}) staff, ${q.from}`,
    email: sql`staff.email`,
    locale: sql`staff.locale`,
    late: q.late,
  });
