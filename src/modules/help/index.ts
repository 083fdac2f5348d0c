/** Help centre: how to buy, payment, shipping, after-sales, repair centers, terms, contact. */

/** When staff last edited each help page's prose, per locale (sitemap lastmod); unedited pages have none. */
export { listHelpOverrides as helpPageDates } from './help.repo.js';
export { helpRoutes } from './help.routes.js';
export { type HelpSlug, helpNumbers, helpSlugs } from './help.rules.js';
export { afterSalesPolicy } from './policy-numbers.js';
