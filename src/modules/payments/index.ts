/** Payments: the buyer's payment proofs on an order and finance's review of them. */
export { reviewPaymentProof } from './actions/review-payment-proof.js';
export { uploadPaymentProof } from './actions/upload-payment-proof.js';
/** The proof form's own rules (reference, payment date), for another way in (the API) to apply the same. */
export { proofDetails } from './payment.inputs.js';
export { paymentRoutes } from './payment.routes.js';
export { proofStatuses } from './payment.tables.js';
export { proofFiles } from './payment-proof.files.js';
export { findProof, listProofs, type PaymentProof, proofsOfOrderSql } from './payment-proof.repo.js';
/** Back-office search: proofs by transaction reference. */
export { searchPaymentReferences } from './payment-search.repo.js';
/** The business dashboard's money approved per day and time to approve. */
export { type PaymentStats, paymentStats } from './payment-stats.repo.js';
export { BuyerProofList, ProofForm, StaffProofList } from './views/order-proofs.js';
