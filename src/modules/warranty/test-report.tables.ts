import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { packingUnits } from '../packing/packing.tables.js';

/**
 * One unit test report per shipped miner, issued on first download and never changed:
 * its verification code (the PI's scheme) is what /verify and the public download resolve.
 */
export const unitTestReports = pgTable('unit_test_reports', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  packingUnitId: integer()
    .notNull()
    .unique()
    .references(() => packingUnits.id, { onDelete: 'cascade' }),
  code: text().notNull().unique(),
  issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
