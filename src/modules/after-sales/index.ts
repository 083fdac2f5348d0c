/** After-sales: cases on completed orders, their policy and deadlines, the customer's and support's pages. */

import type { FileOwner } from '../../platform/storage.js';
import { referencedCaseKeys } from './case.repo.js';
import { CASE_FOLDER } from './case.routes.js';

export { advanceCase, type NoteEvent, noteEvents } from './actions/advance-case.js';
export { alertOverdueCases, startCaseSweep } from './actions/alert-overdue-cases.js';
/** Support's decision, the reissue's shipment and the thread (the staff case page and the API). */
export { type Decision, decideCase } from './actions/decide-case.js';
export { postCaseMessage } from './actions/post-case-message.js';
export { shipReissue } from './actions/ship-reissue.js';
export * from './case.machine.js';
export { afterSalesPolicy, policyFor, policyTable } from './case.policy.js';
export { openCaseStates } from './case.queue.js';
/** A customer's cases, newest first (their own list, and the staff customer page). */
export {
  type Case,
  customerCases,
  findCaseByNumber,
  findCustomerCase,
  queueCases,
  queueCounts as caseQueueCounts,
  snapshotOfCase,
} from './case.repo.js';
export { caseRoutes } from './case.routes.js';
export { warrantyEndsAt, withinWarranty } from './case.rules.js';
export { caseTypes } from './case.states.js';
export { afterSalesOfOrder, type OrderAfterSales } from './case-order.data.js';
/** One case as its pages show it (lines, timeline, thread, files, next events for the viewer). */
export { type CasePageData, caseActorOf, loadCasePage } from './case-page.data.js';
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
