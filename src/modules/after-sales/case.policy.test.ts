import { describe, expect, it } from 'vitest';
import { productKinds } from '../catalog/product.rules.js';
import {
  afterSalesPolicy,
  evidenceRequired,
  hasSerials,
  policyFor,
  policyTable,
  serialsRequired,
} from './case.policy.js';
import { caseTypes } from './case.states.js';

/** DESIGN §4, written out by hand: type × kind → standard resolution and the first promise in days. */
const expected = {
  wrong_item: { miner: ['reissue', 1], psu: ['reissue', 1], hashboard: ['reissue', 1], general: ['reissue', 1] },
  missing_item: { miner: ['reissue', 1], psu: ['reissue', 1], hashboard: ['reissue', 1], general: ['reissue', 1] },
  damaged_in_transit: {
    miner: ['reissue', 1],
    psu: ['reissue', 1],
    hashboard: ['reissue', 1],
    general: ['reissue', 1],
  },
  defective: { miner: ['repair', 2], psu: ['repair', 2], hashboard: ['repair', 2], general: ['reissue', 1] },
} as const;

describe('after-sales policy table', () => {
  it.each(caseTypes.flatMap((type) => productKinds.map((kind) => [type, kind] as const)))('%s × %s', (type, kind) => {
    const [resolution, decisionDays] = expected[type][kind];
    const entry = policyTable[type][kind];
    expect(entry.resolution).toBe(resolution);
    expect(entry.decisionDays).toBe(decisionDays);
    expect(entry.reissueShipDays).toBe(resolution === 'reissue' ? afterSalesPolicy.generalReissueShipDays : null);
  });

  it('uses the DESIGN §4 service levels', () => {
    expect(afterSalesPolicy).toEqual({
      generalConfirmDays: 1,
      generalReissueShipDays: 2,
      repairCenterAssignDays: 2,
      centerDiagnoseDays: 3,
      centerRepairDays: 10,
    });
  });

  it('makes a mixed case a repair, due by the earliest promise of its lines', () => {
    expect(policyFor('defective', ['general', 'miner'])).toEqual({
      resolution: 'repair',
      decisionDays: 1,
      reissueShipDays: 2,
    });
    expect(policyFor('defective', ['psu'])).toEqual({ resolution: 'repair', decisionDays: 2, reissueShipDays: 2 });
    expect(policyFor('missing_item', ['miner', 'general'])).toEqual({
      resolution: 'reissue',
      decisionDays: 1,
      reissueShipDays: 2,
    });
  });

  it('asks for evidence on damage and defects, and serials on serial-numbered hardware', () => {
    expect(caseTypes.filter(evidenceRequired)).toEqual(['damaged_in_transit', 'defective']);
    expect(productKinds.filter(hasSerials)).toEqual(['miner', 'psu', 'hashboard']);
    expect(serialsRequired('defective', 'miner')).toBe(true);
    expect(serialsRequired('missing_item', 'miner')).toBe(false);
    expect(serialsRequired('defective', 'general')).toBe(false);
  });
});
