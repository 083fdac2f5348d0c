import type { DbOrTx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { countAttempts, refundAttempts } from '../accounts/index.js';
import { casesOfSerial, type UnitCase } from '../after-sales/index.js';
import { needsBurnIn, serialKey } from '../packing/index.js';
import { issueTestReport } from './test-report.repo.js';
import { findShippedUnit } from './warranty.repo.js';
import { WARRANTY_FAILURES, type WarrantyState, warrantyOf } from './warranty.rules.js';

/** Public path of a unit test report (by its verification code: holding the code is holding the paper). */
export const publicTestReportPath = (code: string) => `/warranty/test-reports/${code}.pdf`;

export type WarrantyAnswer =
  | { found: false; serial: string }
  | {
      found: true;
      serial: string;
      brand: string;
      model: string;
      productName: string;
      shippedAt: Date | null;
      deliveredAt: Date | null;
      warrantyDays: number;
      state: WarrantyState;
      endsAt: Date | null;
      cases: UnitCase[];
      testReport: { code: string; path: string } | null;
    };

/**
 * What the warranty check says about a serial. Only unit, product and dates: the buyer,
 * the order and the address never leave this function. A miner with a burn-in result
 * gets its test report issued here, so the answer can link to it.
 */
export async function checkWarranty(db: DbOrTx, serial: string, now = new Date()): Promise<WarrantyAnswer> {
  const key = serialKey(serial);
  const unit = await findShippedUnit(db, key);
  if (!unit) return { found: false, serial: key };
  const [cases, report] = await Promise.all([
    casesOfSerial(db, key),
    needsBurnIn(unit.kind) && unit.burnInPassed !== null ? issueTestReport(db, unit.unitId) : undefined,
  ]);
  const w = warrantyOf({ status: unit.status, deliveredAt: unit.deliveredAt, warrantyDays: unit.warrantyDays }, now);
  return {
    found: true,
    serial: unit.serialNumber,
    brand: unit.brand,
    model: unit.model,
    productName: unit.productName,
    shippedAt: unit.shippedAt,
    deliveredAt: unit.deliveredAt,
    warrantyDays: unit.warrantyDays,
    state: w.state,
    endsAt: w.endsAt,
    cases,
    testReport: report ? { code: report.code, path: publicTestReportPath(report.code) } : null,
  };
}

/**
 * The warranty check as the page and the API run it. Lookups that find nothing are counted
 * per client address in the database, as on the verify page (every process shares the
 * count): serials cannot be enumerated, and a buyer checking their own unit again and again
 * is never held up.
 */
export async function lookUpWarranty(db: DbOrTx, ip: string, serial: string): Promise<WarrantyAnswer> {
  const attempt = [`warranty:ip:${ip}`];
  if ((await countAttempts(db, attempt)) > WARRANTY_FAILURES) throw new AppError('RATE_LIMITED');
  const answer = await checkWarranty(db, serial);
  if (answer.found) await refundAttempts(db, attempt);
  return answer;
}

/** The JSON answer (plain, small, stable field names). */
export function warrantyJson(a: WarrantyAnswer) {
  if (!a.found) return { found: false as const, serial: a.serial };
  return {
    found: true as const,
    serial: a.serial,
    brand: a.brand,
    model: a.model,
    product: a.productName,
    shippedAt: a.shippedAt?.toISOString() ?? null,
    deliveredAt: a.deliveredAt?.toISOString() ?? null,
    warrantyDays: a.warrantyDays,
    warrantyEndsAt: a.endsAt?.toISOString() ?? null,
    warrantyState: a.state,
    inWarranty: a.state === 'in_warranty',
    cases: a.cases.map((c) => ({
      number: c.number,
      type: c.type,
      state: c.status,
      openedAt: c.createdAt.toISOString(),
      closedAt: c.closedAt?.toISOString() ?? null,
    })),
    testReport: a.testReport && { url: a.testReport.path, verificationCode: a.testReport.code },
  };
}
