/** Warranty: the public warranty check by serial, and the unit test report of every shipped miner. */

/** What /verify shows for a test report's code (app.ts passes it to the invoices module). */
export { verifiableTestReport } from './test-report.data.js';
/** The public warranty check, rate-limited as the page runs it, and its JSON answer (for the API). */
export { lookUpWarranty, publicTestReportPath, warrantyJson } from './warranty.data.js';
export { warrantyRoutes } from './warranty.routes.js';
export { serialInput } from './warranty.rules.js';
