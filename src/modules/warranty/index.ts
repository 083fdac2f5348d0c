/** Warranty: the public warranty check by serial, and the unit test report of every shipped miner. */

/** What /verify shows for a test report's code (app.ts passes it to the invoices module). */
export { verifiableTestReport } from './test-report.data.js';
export { publicTestReportPath } from './warranty.data.js';
export { warrantyRoutes } from './warranty.routes.js';
