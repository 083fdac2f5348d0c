/** Payment methods: how buyers pay (configured by finance), each change confirmed by a second admin. */

/** Watch-only deposit keys: the check of a pasted key, address derivation and payment URIs (ADR 0033). */
export { checkDepositKey, deriveDepositAddress } from './deposit-key.rules.js';
export { depositUri, usdtUnits } from './deposit-uri.rules.js';
export { paymentChangesCommand } from './payment-changes.command.js';
export {
  activeMethodsSql,
  findPaymentMethod,
  listPaymentMethods,
  type PaymentMethod,
  paymentMethodSql,
} from './payment-method.repo.js';
export type { DepositNetwork } from './payment-method.tables.js';
export { paymentMethodAdminRoutes } from './payment-method-admin.routes.js';
export { listPendingChanges } from './payment-method-change.repo.js';
export {
  loadRecentlyChangedMethods,
  recentChangesSince,
  recentlyChangedMethods,
  recentMethodChanges,
} from './payment-method-news.js';
export { seesPaymentChanges } from './views/payment-method-pages.js';
export { PendingChangesBanner } from './views/pending-changes.js';
