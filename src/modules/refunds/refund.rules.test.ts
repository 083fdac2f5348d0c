import { describe, expect, it } from 'vitest';
import { fitsRemaining, refundDueFor, refundStatus, remainingCents } from './refund.rules.js';

describe('refund rules', () => {
  it('a cancelled order owes what was approved of its payments, and only then', () => {
    expect(refundDueFor({ status: 'cancelled', paidCents: 645_000 })).toBe(645_000);
    expect(refundDueFor({ status: 'cancelled', paidCents: 0 })).toBe(0);
    expect(refundDueFor({ status: 'ready_to_ship', paidCents: 645_000 })).toBe(0);
  });

  it('never more than what is still owed may be recorded', () => {
    const r = { amountCents: 100_000, refundedCents: 40_000 };
    expect(remainingCents(r)).toBe(60_000);
    expect(fitsRemaining(r, 60_000)).toBe(true);
    expect(fitsRemaining(r, 60_001)).toBe(false);
    expect(fitsRemaining(r, 0)).toBe(false);
    expect(fitsRemaining({ amountCents: 100, refundedCents: 100 }, 1)).toBe(false);
  });

  it('names the state: due, partly refunded, refunded', () => {
    expect(refundStatus({ amountCents: 100, refundedCents: 0 })).toBe('due');
    expect(refundStatus({ amountCents: 100, refundedCents: 1 })).toBe('partly_refunded');
    expect(refundStatus({ amountCents: 100, refundedCents: 100 })).toBe('refunded');
  });
});
