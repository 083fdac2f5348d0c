import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { verificationCodeFrom } from '../invoices/index.js';
import { packingFileFacts } from '../packing/index.js';
import { unitTestReports } from './test-report.tables.js';

export type UnitTestReport = typeof unitTestReports.$inferSelect;

/**
 * The unit's test report, issued on first ask: one row per unit, never changed. Two first
 * asks racing both insert-or-nothing and read back the one row; a code collision (2^-50)
 * inserts nothing and the next try draws another.
 */
export async function issueTestReport(db: DbOrTx, packingUnitId: number): Promise<UnitTestReport> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await db
      .insert(unitTestReports)
      .values({ packingUnitId, code: verificationCodeFrom(randomBytes(10)) })
      .onConflictDoNothing();
    const [row] = await db.select().from(unitTestReports).where(eq(unitTestReports.packingUnitId, packingUnitId));
    if (row) return row;
  }
  throw new Error('could not issue a test report code');
}

export async function findTestReportByCode(db: DbOrTx, code: string) {
  const [row] = await db.select().from(unitTestReports).where(eq(unitTestReports.code, code));
  return row;
}

/** The photos of the unit's parcel by reference (id and SHA-256): what the report cites, never the images. */
export async function photoReferencesOf(db: DbOrTx, parcelId: number) {
  return db
    .select({ id: packingFileFacts.id, sha256: packingFileFacts.sha256 })
    .from(packingFileFacts)
    .where(and(eq(packingFileFacts.parcelId, parcelId), eq(packingFileFacts.kind, 'photo')))
    .orderBy(asc(packingFileFacts.id));
}
