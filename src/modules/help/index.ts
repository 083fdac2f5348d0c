/** Help centre: how to buy, payment, shipping, after-sales, repair centers, terms, contact. */
export { helpRoutes } from './help.routes.js';
export { type HelpSlug, helpNumbers, helpSlugs } from './help.rules.js';
export { afterSalesPolicy } from './policy-numbers.js';
