import { describe, expect, it } from 'vitest';
import {
  centerClocks,
  centerDeadlinesFrom,
  countdown,
  dueAtFor,
  openingDeadlines,
  orderEligible,
  redecisionDueFrom,
  reissueDueFrom,
  withinWarranty,
} from './case.rules.js';
import { caseStates } from './case.states.js';

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('warranty', () => {
  it('runs from delivery for the product warranty days, inclusive of the last moment', () => {
    const delivered = at('2026-01-01');
    expect(withinWarranty(delivered, 180, at('2026-06-30'))).toBe(true);
    expect(withinWarranty(delivered, 180, new Date(at('2026-06-30').getTime() + 1))).toBe(false);
    expect(withinWarranty(null, 180, at('2026-01-02'))).toBe(false);
  });

  it('takes claims only on completed orders with a line still under warranty', () => {
    const now = at('2026-03-01');
    const delivered = { status: 'completed', closedAt: at('2026-01-01') };
    expect(orderEligible(delivered, [30, 365], now)).toBe(true);
    expect(orderEligible(delivered, [30], now)).toBe(false);
    expect(orderEligible({ status: 'shipped', closedAt: null }, [365], now)).toBe(false);
  });
});

describe('case deadlines', () => {
  const now = at('2026-05-04');
  it('gives general goods 1 day to confirm and 2 days to ship the reissue', () => {
    const d = openingDeadlines('defective', ['general'], now);
    expect(d).toEqual({ standardResolution: 'reissue', decisionDueAt: at('2026-05-05') });
    expect(reissueDueFrom(at('2026-05-05'), 'defective', ['general'])).toEqual(at('2026-05-07'));
  });

  it('gives defective miners, PSUs and hash boards 2 days to name the repair center', () => {
    for (const kind of ['miner', 'psu', 'hashboard'] as const) {
      expect(openingDeadlines('defective', [kind], now)).toEqual({
        standardResolution: 'repair',
        decisionDueAt: at('2026-05-06'),
      });
    }
  });

  it('keeps a clock only while the shop owes something', () => {
    const c = { decisionDueAt: at('2026-05-05'), reissueDueAt: at('2026-05-07'), repairDueAt: at('2026-05-14') };
    const due = Object.fromEntries(caseStates.map((s) => [s, dueAtFor(s, c)]));
    expect(due).toEqual({
      submitted: c.decisionDueAt,
      under_review: c.decisionDueAt,
      awaiting_reissue: c.reissueDueAt,
      awaiting_unit: null,
      at_repair_center: c.repairDueAt,
      reissue_shipped: null,
      resolved: null,
      rejected: null,
    });
  });

  it('gives the repair center 3 days to diagnose and 10 to finish, from receiving the unit', () => {
    expect(centerDeadlinesFrom(now)).toEqual({ diagnosisDueAt: at('2026-05-07'), repairDueAt: at('2026-05-14') });
    expect(redecisionDueFrom(now)).toEqual(at('2026-05-06'));
  });

  it("shows the center's clocks while it has the unit, each until done, red once passed", () => {
    const c = { status: 'at_repair_center' as const, ...centerDeadlinesFrom(now), diagnosedAt: null };
    expect(centerClocks(c, now)).toEqual({
      diagnosis: { dueAt: at('2026-05-07'), overdue: false },
      repair: { dueAt: at('2026-05-14'), overdue: false },
    });
    const late = new Date(at('2026-05-08').getTime());
    expect(centerClocks(c, late).diagnosis).toEqual({ dueAt: at('2026-05-07'), overdue: true });
    expect(centerClocks({ ...c, diagnosedAt: late }, late).diagnosis).toBeNull();
    expect(centerClocks({ ...c, status: 'resolved' }, late)).toEqual({ diagnosis: null, repair: null });
  });

  it('counts down in days and hours, then up once overdue', () => {
    expect(countdown(new Date(now.getTime() + 28 * 3_600_000), now)).toEqual({ overdue: false, days: 1, hours: 4 });
    expect(countdown(new Date(now.getTime() - 3 * 3_600_000), now)).toEqual({ overdue: true, days: 0, hours: 3 });
    expect(countdown(new Date(now.getTime() + 60_000), now)).toEqual({ overdue: false, days: 0, hours: 1 });
  });
});
