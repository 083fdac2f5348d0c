/** Refunds: what a cancelled, paid order owes its buyer, finance's record of each transfer and its credit note. */
export { createRefundDue } from './actions/create-refund-due.js';
export { verifiableCreditNote } from './credit-note.verify.js';
export { refundFiles } from './refund.files.js';
export { countRefundsDue, type RefundOfOrder, refundOfOrder } from './refund.repo.js';
export { refundRoles, refundRoutes } from './refund.routes.js';
export { BuyerRefundSection, StaffRefundSection } from './views/refund-section.js';
