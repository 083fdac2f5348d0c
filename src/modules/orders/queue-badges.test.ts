import { describe, expect, it } from 'vitest';
import { BADGES_MAX_AGE_MS, badgesChanged, keepBadges, keptBadges, type QueueCounts } from './queue-badges.js';

const counts = (n: number): QueueCounts => ({
  awaiting_quote: n,
  payment_review: 0,
  ready_to_ship: 0,
  shipped: 0,
  overdue: 0,
});
const at = (ms: number) => new Date(Date.UTC(2026, 11, 3) + ms);

describe('queue badges kept per process (ADR 0040)', () => {
  it('are reused for less than BADGES_MAX_AGE_MS after the count started, never after or before it', async () => {
    const db = {};
    expect(keptBadges(db, at(0))).toBeUndefined();
    const kept = keepBadges(db, at(0), Promise.resolve(counts(3)));
    expect(keptBadges(db, at(0))).toBe(kept);
    expect(await keptBadges(db, at(BADGES_MAX_AGE_MS - 1))).toEqual(counts(3));
    expect(keptBadges(db, at(BADGES_MAX_AGE_MS))).toBeUndefined();
    expect(keptBadges(db, at(-1))).toBeUndefined(); // a clock that went back
  });

  it('are kept per database', () => {
    const [a, b] = [{}, {}];
    keepBadges(a, at(0), Promise.resolve(counts(1)));
    expect(keptBadges(b, at(0))).toBeUndefined();
  });

  it('are dropped by a change, even a count still running: nothing read before a change is kept after it', () => {
    const db = {};
    keepBadges(db, at(0), new Promise<QueueCounts>(() => {}));
    badgesChanged(db);
    expect(keptBadges(db, at(1))).toBeUndefined();
  });

  it('are not kept when the count fails, and a failure does not drop a newer count', async () => {
    const db = {};
    let fail!: (e: Error) => void;
    const failing = keepBadges(db, at(0), new Promise<QueueCounts>((_, reject) => (fail = reject)));
    fail(new Error('connection lost'));
    await expect(failing).rejects.toThrow('connection lost');
    expect(keptBadges(db, at(1))).toBeUndefined();

    let failOld!: (e: Error) => void;
    const old = keepBadges(db, at(0), new Promise<QueueCounts>((_, reject) => (failOld = reject)));
    const newer = keepBadges(db, at(5), Promise.resolve(counts(7)));
    failOld(new Error('late'));
    await expect(old).rejects.toThrow('late');
    expect(keptBadges(db, at(6))).toBe(newer);
  });
});
