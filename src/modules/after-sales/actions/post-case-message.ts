import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { isStaff } from '../../../platform/auth/roles.js';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { caseTopic } from '../../../platform/events.js';
import type { StoredMedia } from '../../../platform/http/media-upload.js';
import { type Case, insertCaseFiles } from '../case.repo.js';
import { caseMessages } from '../case.tables.js';
import { mailCustomer, mailSupport } from './case-mail.js';

/** A message on the case thread, with any photos or videos sent along; the other side is mailed. */
export async function postCaseMessage(
  actions: ActionContext,
  c: Case,
  author: CurrentUser,
  body: string,
  files: readonly StoredMedia[],
) {
  const fromStaff = isStaff(author.role);
  return actions.transaction(async (tx) => {
    const [message] = await tx
      .insert(caseMessages)
      .values({ caseId: c.id, authorId: author.id, fromStaff, body })
      .returning();
    if (files.length) await insertCaseFiles(tx, c.id, author.id, files, { messageId: message!.id });
    if (fromStaff) await mailCustomer(tx, c, ({ t }) => [t('mail.case.staffMessage', { number: c.number }), body]);
    else await mailSupport(tx, (w) => ({ subject: w.t('mail.caseMessage.subject', { number: c.number }), body }));
    return outcome(undefined, { topics: [caseTopic(c.number)] });
  });
}
