import type { DbOrTx } from '../../platform/db/client.js';
import type { I18n, Locale } from '../../platform/i18n/index.js';
import { getSettings } from '../settings/index.js';
import { defaultHelp } from './content/index.js';
import { findHelpOverride } from './help.repo.js';
import { fillPlaceholders, type HelpSlug, helpNumbers } from './help.rules.js';
import { renderMarkdown } from './markdown.js';

/** The numbers prose may quote, with the current settings. */
export async function currentHelpNumbers(db: DbOrTx, i18n: I18n) {
  const s = await getSettings(db);
  return helpNumbers(s, (cents) => `US$${i18n.number(cents / 100)}`);
}

/** One help page: the admin's override for this locale, else the default, with numbers filled in. */
export async function loadHelpPage(db: DbOrTx, slug: HelpSlug, i18n: I18n) {
  const locale: Locale = i18n.locale;
  const [override, numbers] = await Promise.all([findHelpOverride(db, slug, locale), currentHelpNumbers(db, i18n)]);
  const markdown = override?.markdown ?? defaultHelp[locale][slug];
  return { markdown, html: renderMarkdown(fillPlaceholders(markdown, numbers)), overridden: !!override, numbers };
}
