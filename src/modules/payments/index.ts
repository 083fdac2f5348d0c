/** Payments: methods configured by finance, payment proofs and their review. */
export { paymentRoutes } from './payment.routes.js';
export { paymentMethodChanges, paymentMethods, paymentProofs } from './payment.tables.js';
export { paymentChangesCommand } from './payment-changes.command.js';
export { findPaymentMethod, listPaymentMethods, type PaymentMethod } from './payment-method.repo.js';
export { paymentMethodAdminRoutes } from './payment-method-admin.routes.js';
export { listPendingChanges } from './payment-method-change.repo.js';
export { loadRecentlyChangedMethods, recentlyChangedMethods, recentMethodChanges } from './payment-method-news.js';
export { proofFiles } from './payment-proof.files.js';
export { PendingChangesBanner, seesPaymentChanges } from './views/payment-method-pages.js';
