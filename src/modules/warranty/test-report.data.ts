import type { Db, DbOrTx } from '../../platform/db/client.js';
import { i18n, type Locale, type MessageKey, plainText } from '../../platform/i18n/index.js';
import { qrPng, renderPaperPdf, type VerifiableDocument } from '../invoices/index.js';
import { getSettings } from '../settings/index.js';
import { buildTestReportModel, testReportNumber } from './test-report.model.js';
import { findTestReportByCode, issueTestReport, photoReferencesOf, type UnitTestReport } from './test-report.repo.js';
import { findUnitById, type ShippedUnit } from './warranty.repo.js';
import { publicTesterName } from './warranty.rules.js';

/**
 * The report's PDF for a unit (issuing its code on first ask) and its file name. Only the
 * staff copy names the tester in full: the buyer's copy travels with the unit, and the code
 * printed on it opens the same report for anyone.
 */
export async function testReportPdf(
  db: DbOrTx,
  unit: ShippedUnit,
  locale: Locale,
  publicUrl: string,
  opts: { issued?: UnitTestReport; staffCopy?: boolean } = {},
) {
  const report = opts.issued ?? (await issueTestReport(db, unit.unitId));
  const [photos, settings] = await Promise.all([photoReferencesOf(db, unit.parcelId), getSettings(db)]);
  const shown = opts.staffCopy ? unit : { ...unit, testerName: publicTesterName(unit.testerName) };
  const model = buildTestReportModel(shown, photos, report, settings, locale, publicUrl);
  const body = await renderPaperPdf(model, { qrPng: await qrPng(model.verify.url) });
  return { body, filename: `${model.number}-${unit.serialNumber}.pdf` };
}

/** The report behind a code with its unit, or undefined. */
export async function testReportByCode(db: DbOrTx, code: string) {
  const report = await findTestReportByCode(db, code);
  const unit = report && (await findUnitById(db, report.packingUnitId));
  return report && unit ? { report, unit } : undefined;
}

/** What /verify shows of a unit test report: the unit and its result, never the buyer. */
export const verifiableTestReport: VerifiableDocument = async (db: Db, code: string, locale: Locale) => {
  const found = await testReportByCode(db, code);
  if (!found) return undefined;
  const t = (key: MessageKey, p?: Record<string, string>) => plainText(locale, key, p);
  const fmt = i18n(locale);
  const { unit, report } = found;
  const { sellerName } = await getSettings(db);
  return {
    genuine: t('testReport.verified', { seller: sellerName }),
    facts: [
      { label: t('testReport.number'), value: testReportNumber(report.code) },
      { label: t('warranty.serial'), value: unit.serialNumber },
      { label: t('warranty.model'), value: `${unit.brand} ${unit.model}` },
      {
        label: t('testReport.result'),
        value:
          unit.burnInPassed === null
            ? t('testReport.notRecorded')
            : unit.burnInPassed
              ? t('testReport.passed')
              : t('testReport.failed'),
      },
      { label: t('testReport.testedOn'), value: fmt.date(unit.recordedAt) },
    ],
  };
};
