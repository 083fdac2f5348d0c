import { asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { repairCenters } from './repair-center.tables.js';

/** One page of repair centers in id order, for the CSV export. */
export const repairCenterExportPage = (db: DbOrTx, afterId: number, limit: number) =>
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
    .where(gt(repairCenters.id, afterId))
    .orderBy(asc(repairCenters.id))
    .limit(limit);
