/** Refunds: what a cancelled, paid order owes its buyer, finance's record of each transfer and its credit note. */
export { createRefundDue } from './actions/create-refund-due.js';
/** Finance's recording of a refund and its form rules, for the API (same action, same rules). */
export { recordRefund } from './actions/record-refund.js';
export { verifiableCreditNote } from './credit-note.verify.js';
export { refundFiles } from './refund.files.js';
export { refundFields } from './refund.inputs.js';
export { countRefundsDue, listRefunds, REFUND_LIST_PAGE, type RefundOfOrder, refundOfOrder } from './refund.repo.js';
export { refundRoles, refundRoutes } from './refund.routes.js';
export { BuyerRefundSection, StaffRefundSection } from './views/refund-section.js';
