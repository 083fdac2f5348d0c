/** After-sales: cases on completed orders, their policy and deadlines, the customer's and support's pages. */

import type { FileOwner } from '../../platform/storage.js';
import { referencedCaseKeys } from './case.repo.js';
import { CASE_FOLDER } from './case.routes.js';

export { alertOverdueCases, startCaseSweep } from './actions/alert-overdue-cases.js';
export * from './case.machine.js';
export { afterSalesPolicy, policyFor, policyTable } from './case.policy.js';
export { openCaseStates } from './case.queue.js';
/** A customer's cases, newest first (their own list, and the staff customer page). */
export { customerCases, queueCounts as caseQueueCounts } from './case.repo.js';
export { caseRoutes } from './case.routes.js';
export { warrantyEndsAt, withinWarranty } from './case.rules.js';
export { afterSalesOfOrder, type OrderAfterSales } from './case-order.data.js';
/** The public warranty check: a unit's cases by serial (no buyer data), and when warranty ends. */
export { casesOfSerial, type UnitCase } from './case-serial.repo.js';
/** The business dashboard's share of after-sales deadlines kept. */
export { casePromiseStats } from './case-stats.repo.js';
/** The repair portal: owners of approved centers work the cases routed to them. */
export { repairPortalRoutes } from './repair-portal.routes.js';
export { staffCaseRoutes } from './staff-case.routes.js';
export { OrderCases } from './views/order-cases.js';

/** Case files live in `after-sales/`; the orphan sweep asks which keys a case file row still references. */
export const caseFileOwner: FileOwner = { folder: CASE_FOLDER, referenced: referencedCaseKeys };
