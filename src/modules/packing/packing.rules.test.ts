import { describe, expect, it } from 'vitest';
import {
  currentUnits,
  evidenceEditable,
  evidenceGaps,
  evidenceVisibleToBuyer,
  parseSealNumbers,
  serialKey,
} from './packing.rules.js';

const miner = { id: 1, kind: 'miner' as const, quantity: 2 };
const psu = { id: 2, kind: 'psu' as const, quantity: 1 };
const cable = { id: 3, kind: 'general' as const, quantity: 5 };
const parcel = { sealCount: 1, fileCount: 1 };
const tested = { orderLineId: 1, burnInPassed: true };

describe('evidenceGaps', () => {
  it('is complete with a sealed, photographed parcel, every serial and every miner burn-in', () => {
    const units = [tested, { orderLineId: 1, burnInPassed: false }, { orderLineId: 2, burnInPassed: null }];
    expect(evidenceGaps({ parcels: [parcel], lines: [miner, psu, cable], units })).toEqual([]);
  });

  it('general goods need only a sealed parcel with a photo or video', () => {
    expect(evidenceGaps({ parcels: [parcel], lines: [cable], units: [] })).toEqual([]);
  });

  it('names each missing piece', () => {
    expect(evidenceGaps({ parcels: [], lines: [cable], units: [] })).toEqual(['packing.gapNoParcel']);
    expect(evidenceGaps({ parcels: [parcel, { sealCount: 0, fileCount: 0 }], lines: [cable], units: [] })).toEqual([
      'packing.gapSeals',
      'packing.gapMedia',
    ]);
    expect(evidenceGaps({ parcels: [parcel], lines: [miner, psu], units: [tested, tested] })).toEqual([
      'packing.gapSerials',
    ]);
    expect(
      evidenceGaps({ parcels: [parcel], lines: [miner], units: [tested, { orderLineId: 1, burnInPassed: null }] }),
    ).toEqual(['packing.gapBurnIn']);
  });
});

describe('evidenceEditable', () => {
  it('allows recording while ready to ship, without a reason', () => {
    expect(evidenceEditable('ready_to_ship', undefined)).toEqual({ ok: true, correction: false });
  });

  it('after shipping, only corrections with a reason', () => {
    expect(evidenceEditable('shipped', '  ')).toEqual({ ok: false, code: 'packing.reasonRequired' });
    expect(evidenceEditable('completed', 'Seal photo was missing')).toEqual({ ok: true, correction: true });
  });

  it.each(['awaiting_quote', 'awaiting_payment', 'payment_review', 'cancelled'] as const)(
    'refuses evidence on %s orders',
    (status) => {
      expect(evidenceEditable(status, 'any reason')).toEqual({ ok: false, code: 'packing.closed' });
    },
  );

  it('shows evidence to the buyer only once shipped', () => {
    expect(evidenceVisibleToBuyer('ready_to_ship')).toBe(false);
    expect(evidenceVisibleToBuyer('shipped')).toBe(true);
    expect(evidenceVisibleToBuyer('completed')).toBe(true);
  });
});

describe('seals and serials', () => {
  it('parses seal numbers by line or comma, dropping blanks and duplicates', () => {
    expect(parseSealNumbers('SEAL-001\n SEAL-002 , SEAL-001;;\n')).toEqual(['SEAL-001', 'SEAL-002']);
    expect(parseSealNumbers('')).toEqual([]);
    expect(parseSealNumbers('OK-1, <script>')).toBeUndefined();
    expect(parseSealNumbers('x'.repeat(65))).toBeUndefined();
  });

  it('compares serial numbers without case or spaces', () => {
    expect(serialKey(' ab-123 ')).toBe(serialKey('AB-123'));
  });

  it('keeps units not replaced by a correction', () => {
    const units = [
      { id: 1, correctsUnitId: null },
      { id: 2, correctsUnitId: null },
      { id: 3, correctsUnitId: 1 },
      { id: 4, correctsUnitId: 3 },
    ];
    expect(currentUnits(units).map((u) => u.id)).toEqual([2, 4]);
  });
});
