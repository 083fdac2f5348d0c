/** Payments: methods configured by finance, payment proofs and their review. */
export { paymentRoutes } from './payment.routes.js';
export { paymentMethods, paymentProofs } from './payment.tables.js';
export { listPaymentMethods, findPaymentMethod, type PaymentMethod } from './payment-method.repo.js';
