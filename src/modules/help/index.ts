/** Help centre: how to buy, payment, shipping, after-sales, repair centers, terms, contact. */
export { helpRoutes } from './help.routes.js';
export { helpPages } from './help.tables.js';
export { afterSalesPolicy } from './policy-numbers.js';
export { helpNumbers, helpSlugs, type HelpSlug } from './help.rules.js';
