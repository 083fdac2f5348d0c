import { is } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { OrderQueue } from './order.rules.js';

/** How old a queue badge may be when another process changed the orders (ADR 0040). */
export const BADGES_MAX_AGE_MS = 1_000;

export type QueueCounts = Record<OrderQueue, number>;

interface Kept {
  /** The `now` of the request that started the count, in ms. */
  at: number;
  counts: Promise<QueueCounts>;
}

/**
 * The queue badges each process keeps, one count per database (#18, ADR 0040). Every staff
 * page shows them, and counting five capped queues on each view was most of the queue page's
 * database time. The promise is kept from the moment the count starts, so concurrent views share
 * one count, and `badgesChanged` drops a count still running: nothing read before a change is
 * kept after it. Only the badges: the rows a queue lists are always read live.
 */
const kept = new WeakMap<object, Kept>();

/** A transaction sees its own writes: what it counts is neither kept nor answered from what is kept. */
const inTransaction = (db: object) => is(db, PgTransaction);

/** The badges counted at most BADGES_MAX_AGE_MS before `now`, if this process has them. */
export function keptBadges(db: object, now: Date): Promise<QueueCounts> | undefined {
  if (inTransaction(db)) return undefined;
  const entry = kept.get(db);
  if (!entry) return undefined;
  const age = now.getTime() - entry.at;
  return age >= 0 && age < BADGES_MAX_AGE_MS ? entry.counts : undefined;
}

/** Keeps a count that has just started at `now`; a failed count is not kept. */
export function keepBadges(db: object, now: Date, counts: Promise<QueueCounts>): Promise<QueueCounts> {
  if (inTransaction(db)) return counts;
  const entry = { at: now.getTime(), counts };
  kept.set(db, entry);
  counts.catch(() => {
    if (kept.get(db) === entry) kept.delete(db);
  });
  return counts;
}

/**
 * Orders were created or changed state in this process (the action runner calls this after
 * COMMIT): the next view counts afresh, so whoever acted sees their change in the badges.
 */
export function badgesChanged(db: object): void {
  kept.delete(db);
}
