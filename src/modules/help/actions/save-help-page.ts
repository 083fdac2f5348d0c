import type { Db } from '../../../platform/db/client.js';
import { deleteHelpOverride, upsertHelpOverride } from '../help.repo.js';
import type { HelpSlug } from '../help.rules.js';

/** Stores an admin's prose for one page and locale; it replaces the default from the module. */
export async function saveHelpPage(db: Db, slug: HelpSlug, locale: string, markdown: string, userId: number) {
  await upsertHelpOverride(db, slug, locale, markdown, userId);
}

/** Back to the default prose shipped with the code. */
export async function resetHelpPage(db: Db, slug: HelpSlug, locale: string) {
  await deleteHelpOverride(db, slug, locale);
}
