import { and, asc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { RepairCenterStatus } from './repair-center.rules.js';
import { repairCenters } from './repair-center.tables.js';

/** One page of repair centers in id order for the CSV export: those in one review state, or all. */
export const repairCenterExportPage = (
  db: DbOrTx,
  status: RepairCenterStatus | undefined,
  afterId: number,
  limit: number,
) =>
  db
    .select({
      id: repairCenters.id,
      name: repairCenters.name,
      status: repairCenters.status,
      country: repairCenters.country,
      city: repairCenters.city,
      email: repairCenters.email,
      phone: repairCenters.phone,
      website: repairCenters.website,
    })
    .from(repairCenters)
    .where(and(status && eq(repairCenters.status, status), gt(repairCenters.id, afterId)))
    .orderBy(asc(repairCenters.id))
    .limit(limit);
