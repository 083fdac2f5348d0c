/** Invoices: the proforma invoice (page, PDF, verification code and QR) and the public verify page. */

export { qrPng } from '../../platform/qr.js';
/** The PI's code scheme, shared by the credit notes of refunds. */
export { amountInWords } from './amount-in-words.js';
/** Trade papers in the PI's look (unit test reports, customs papers) and the PI's incoterm rule they repeat. */
export { type PaperModel, type PaperRow, renderPaperPdf } from './paper-pdf.js';
export { buildProformaModel, type ProformaModel } from './proforma.model.js';
/** Whether a PI was ever issued for the order. */
export { findProformaByOrder } from './proforma.repo.js';
export { proformaRoutes, type VerifiableDocument } from './proforma.routes.js';
/** Whether the order's PI link should show (pure; `issued` matters only for cancelled orders). */
export {
  groupCode,
  incotermFor,
  maskName,
  normalizeCode,
  piAvailable,
  verificationCodeFrom,
} from './proforma.rules.js';
/** Renders a PI model to PDF (the bench measures it in-process). */
export { renderProformaPdf } from './proforma-pdf.js';
/** Back-office search: proforma invoices by number. */
export { searchProformas } from './proforma-search.repo.js';
