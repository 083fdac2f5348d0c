import { and, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { apiIdempotencyKeys } from '../api.tables.js';
import { IDEMPOTENCY_KEY_HOURS } from '../idempotency.js';

/** Rows deleted per statement: a backlog goes in short statements, never one long lock. */
const BATCH = 1_000;

/**
 * Deletes idempotency keys past their 24 hours (a retry after that is a new request anyway).
 * Safe on every process at once: each DELETE removes what is still there and old, so two
 * sweeps only share the work; a key reclaimed meanwhile has a fresh created_at and stays.
 */
export async function sweepIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_KEY_HOURS * 3_600_000);
  let total = 0;
  for (;;) {
    const old = lt(apiIdempotencyKeys.createdAt, cutoff);
    const batch = db
      .select({ actor: apiIdempotencyKeys.actor, key: apiIdempotencyKeys.key })
      .from(apiIdempotencyKeys)
      .where(old)
      .limit(BATCH);
    const gone = await db
      .delete(apiIdempotencyKeys)
      .where(and(sql`(${apiIdempotencyKeys.actor}, ${apiIdempotencyKeys.key}) in ${batch}`, old))
      .returning({ key: apiIdempotencyKeys.key });
    const n = gone.length;
    total += n;
    if (n < BATCH) return total;
  }
}

/** Starts the sweep timer (hourly is plenty: keys only need to go eventually); returns a stop function. */
export function startIdempotencySweep(
  db: Db,
  log: (err: unknown) => void,
  everyMs = 3_600_000,
  onSuccess: () => void = () => {},
) {
  const timer = setInterval(() => {
    sweepIdempotencyKeys(db).then(onSuccess, log);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
