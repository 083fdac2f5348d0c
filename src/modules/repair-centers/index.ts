/** Repair centers: owners' submissions, support review, the public "ASIC Miner Repair" directory. */
import type { DbOrTx } from '../../platform/db/client.js';
import { publishedCentersForRanking } from './repair-center.repo.js';
import { type Destination, rankRepairCenters } from './repair-center.rules.js';

/** Support's review, for the API: the page's actions (the revision read is the one decided). */
export { approveRepairCenter, rejectRepairCenter } from './actions/review-repair-center.js';
export { repairCenterRoutes } from './repair-center.routes.js';
export {
  type Destination,
  haversineKm,
  type RankableCenter,
  type RepairCenterStatus,
  rankRepairCenters,
  statuses as repairCenterStatuses,
  whatsappLink,
} from './repair-center.rules.js';
export type { RepairCenterDetails } from './repair-center.tables.js';

/**
 * The approved centers nearest to a destination (same country first, then distance),
 * optionally only those servicing a brand. For after-sales: "send your unit to …".
 */
export async function findNearestApprovedCenters(db: DbOrTx, destination: Destination, brand?: string, limit = 3) {
  const centers = await publishedCentersForRanking(db, brand);
  return rankRepairCenters(centers, destination, brand).slice(0, limit);
}
export { repairCenterFiles } from './repair-center.files.js';
/** Published centers, for after-sales routing a repair (the list to choose from, and the one chosen). */
export {
  approvedCenterOwner,
  approvedCenters,
  countAwaitingReview,
  findApprovedCenter,
  listCentersForStaff,
  /** The user's approved centers: whose routed cases the repair portal shows. */
  ownApprovedCenters,
  /** The public directory's centers with their approval date (sitemap). */
  publishedCenterDates,
  submittedVersion,
} from './repair-center.repo.js';
export { REVIEW_BUSINESS_DAYS } from './repair-center.rules.js';
