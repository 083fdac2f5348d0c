/** Invoices: the proforma invoice (page, PDF, verification code and QR) and the public verify page. */

export { buildProformaModel, type ProformaModel } from './proforma.model.js';
/** Whether a PI was ever issued for the order. */
export { findProformaByOrder } from './proforma.repo.js';
export { proformaRoutes } from './proforma.routes.js';
/** Whether the order's PI link should show (pure; `issued` matters only for cancelled orders). */
export { piAvailable } from './proforma.rules.js';
/** Renders a PI model to PDF (the bench measures it in-process). */
export { renderProformaPdf } from './proforma-pdf.js';
export { qrPng } from './qr.js';
