/**
 * The unit test report as a paper model (pure): serial, model, burn-in figures, result,
 * tester and date, the packing photos by reference, the verification code. It carries no
 * buyer data (no name, address or order number), so it may be handed to anyone holding the
 * unit: a repair center, a buyer of the used machine.
 */
import { i18n, type Locale, type MessageKey, plainText } from '../../platform/i18n/index.js';
import { groupCode, type PaperModel } from '../invoices/index.js';
import type { Settings } from '../settings/index.js';

export interface TestReportUnit {
  serialNumber: string;
  brand: string;
  model: string;
  productName: string;
  sku: string;
  burnInHashrate: number | null;
  burnInHashrateUnit: string | null;
  burnInHours: number | null;
  burnInPassed: boolean | null;
  testerName: string;
  recordedAt: Date;
  shippedAt: Date | null;
}

export const testReportNumber = (code: string) => `TR-${code.slice(0, 5)}`;

export function buildTestReportModel(
  unit: TestReportUnit,
  photos: readonly { id: number; sha256: string }[],
  report: { code: string; issuedAt: Date },
  seller: Pick<Settings, 'sellerName' | 'sellerAddress' | 'sellerEmail' | 'sellerPhone'>,
  locale: Locale,
  publicUrl: string,
): PaperModel {
  const t = (key: MessageKey, p?: Record<string, string | number>) => plainText(locale, key, p);
  const fmt = i18n(locale);
  const none = t('testReport.notRecorded');
  const hashrate =
    unit.burnInHashrate === null
      ? none
      : `${fmt.number(unit.burnInHashrate, 2)} ${unit.burnInHashrateUnit ?? ''}`.trim();
  const result =
    unit.burnInPassed === null ? none : unit.burnInPassed ? t('testReport.passed') : t('testReport.failed');
  return {
    locale,
    title: t('testReport.title'),
    number: testReportNumber(report.code),
    seller: {
      name: seller.sellerName,
      lines: [
        ...seller.sellerAddress
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean),
        t('pi.contacts', { phone: seller.sellerPhone, email: seller.sellerEmail }),
      ],
    },
    parties: [],
    meta: [
      { label: t('testReport.issued'), value: fmt.date(report.issuedAt) },
      { label: t('warranty.serial'), value: unit.serialNumber },
    ],
    sections: [
      {
        kind: 'rows',
        heading: t('testReport.unit'),
        rows: [
          { label: t('warranty.serial'), value: unit.serialNumber },
          { label: t('warranty.model'), value: `${unit.brand} ${unit.model}` },
          { label: t('warranty.product'), value: `${unit.productName} (${unit.sku})` },
        ],
      },
      {
        kind: 'rows',
        heading: t('testReport.burnIn'),
        rows: [
          { label: t('testReport.hashrate'), value: hashrate },
          { label: t('testReport.hours'), value: unit.burnInHours === null ? none : fmt.number(unit.burnInHours, 1) },
          { label: t('testReport.result'), value: result },
          { label: t('testReport.tester'), value: unit.testerName },
          { label: t('testReport.testedOn'), value: fmt.date(unit.recordedAt) },
          { label: t('warranty.shipped'), value: unit.shippedAt ? fmt.date(unit.shippedAt) : none },
        ],
      },
      {
        kind: 'list',
        heading: t('testReport.photos'),
        items: photos.length
          ? photos.map((p) => t('testReport.photoRef', { id: p.id, digest: p.sha256.slice(0, 16) }))
          : [t('testReport.noPhotos')],
      },
      { kind: 'list', heading: t('testReport.notes'), items: [t('testReport.noteNoBuyer')] },
    ],
    verify: {
      heading: t('testReport.verifyTitle'),
      text: t('papers.verifyText', { url: `${publicUrl}/verify` }),
      codeLabel: t('pi.verifyCode'),
      code: groupCode(report.code),
      url: `${publicUrl}/verify/${report.code}`,
    },
    pageLabel: t('pi.page'),
  };
}
