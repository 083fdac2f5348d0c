import { recordAudit } from '../../../platform/audit/index.js';
import type { Db } from '../../../platform/db/client.js';
import { deleteHelpOverride, upsertHelpOverride } from '../help.repo.js';
import type { HelpSlug } from '../help.rules.js';

/** Stores an admin's prose for one page and locale; it replaces the default from the module. */
export async function saveHelpPage(db: Db, slug: HelpSlug, locale: string, markdown: string, userId: number) {
  await db.transaction(async (tx) => {
    await upsertHelpOverride(tx, slug, locale, markdown, userId);
    const subject = { type: 'help-page', id: `${slug}/${locale}` } as const;
    await recordAudit(tx, { actor: userId, action: 'help-page.save', subject, after: { markdown } });
  });
}

/** Back to the default prose shipped with the code. */
export async function resetHelpPage(db: Db, slug: HelpSlug, locale: string, userId: number) {
  await db.transaction(async (tx) => {
    await deleteHelpOverride(tx, slug, locale);
    const subject = { type: 'help-page', id: `${slug}/${locale}` } as const;
    await recordAudit(tx, { actor: userId, action: 'help-page.reset', subject, after: { default: true } });
  });
}
