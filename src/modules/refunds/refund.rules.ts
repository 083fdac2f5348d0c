/** Pure rules of refunds: when one is due, how much may still be recorded, what the queue and pages say. */

/** A cancelled order owes the buyer what finance approved of their payments; nothing else is refunded. */
export const refundDueFor = (order: { status: string; paidCents: number }): number =>
  order.status === 'cancelled' && order.paidCents > 0 ? order.paidCents : 0;

export const remainingCents = (r: { amountCents: number; refundedCents: number }) =>
  Math.max(0, r.amountCents - r.refundedCents);

export type RefundStatus = 'due' | 'partly_refunded' | 'refunded';

export function refundStatus(r: { amountCents: number; refundedCents: number }): RefundStatus {
  if (r.refundedCents >= r.amountCents) return 'refunded';
  return r.refundedCents > 0 ? 'partly_refunded' : 'due';
}

/**
 * Whether a part of `cents` may be recorded now: never more than what is still owed. The
 * database enforces the same with a conditional update and a CHECK; this gives the form
 * its message before anything is stored.
 */
export const fitsRemaining = (r: { amountCents: number; refundedCents: number }, cents: number) =>
  cents > 0 && cents <= remainingCents(r);
