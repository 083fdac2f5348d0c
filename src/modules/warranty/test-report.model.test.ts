import { describe, expect, it } from 'vitest';
import { buildTestReportModel } from './test-report.model.js';

const unit = {
  serialNumber: 'SN-1',
  brand: 'Bitmain',
  model: 'S21',
  productName: 'Antminer S21 200T',
  sku: 'ANT-S21',
  burnInHashrate: 201.25,
  burnInHashrateUnit: 'TH/s',
  burnInHours: 4.5,
  burnInPassed: true,
  testerName: 'Wei Chen',
  recordedAt: new Date('2026-02-01T08:00:00Z'),
  shippedAt: new Date('2026-02-02T08:00:00Z'),
};
const seller = {
  sellerName: 'Hashcart Ltd.',
  sellerAddress: 'Hong Kong',
  sellerEmail: 's@h.example',
  sellerPhone: '+852 1',
};

describe('unit test report model', () => {
  it('has the unit, the burn-in, the tester, the photo references and the code, and no party', () => {
    const m = buildTestReportModel(
      unit,
      [{ id: 7, sha256: 'f'.repeat(64) }],
      { code: 'ABCDE23456', issuedAt: new Date() },
      seller,
      'en',
      'https://s.example',
    );
    expect(m.parties).toEqual([]);
    const rows = m.sections.flatMap((s) =>
      s.kind === 'rows' ? s.rows.map((r) => `${r.label}: ${r.value}`) : s.kind === 'list' ? s.items : [],
    );
    for (const x of [
      'Serial number: SN-1',
      'Model: Bitmain S21',
      'Average hashrate: 201.25 TH/s',
      'Hours tested: 4.5',
      'Result: Passed',
      'Tested by: Wei Chen',
      `Photo #7 · SHA-256 ${'f'.repeat(16)}…`,
    ]) {
      expect(rows).toContain(x);
    }
    expect(m.number).toBe('TR-ABCDE');
    expect(m.verify).toMatchObject({ code: 'ABCDE-23456', url: 'https://s.example/verify/ABCDE23456' });
  });
  it('says a failed burn-in and missing figures plainly, in Spanish too', () => {
    const m = buildTestReportModel(
      { ...unit, burnInPassed: false, burnInHours: null },
      [],
      { code: 'ABCDE23456', issuedAt: new Date() },
      seller,
      'es',
      'https://s.example',
    );
    const text = JSON.stringify(m);
    expect(text).toContain('No superada');
    expect(text).toContain('No registrado');
    expect(text).toContain('No hay fotos del embalaje registradas.');
  });
});
