import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { attemptCounters } from './account.tables.js';

/** Counts one attempt for the key in a 15-minute window (one statement); returns the count so far. */
export async function countAttempt(db: DbOrTx, key: string): Promise<number> {
  const expired = sql`${attemptCounters.windowStart} < now() - interval '15 minutes'`;
  const [row] = await db
    .insert(attemptCounters)
    .values({ key })
    .onConflictDoUpdate({
      target: attemptCounters.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${attemptCounters.hits} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${attemptCounters.windowStart} end`,
      },
    })
    .returning({ hits: attemptCounters.hits });
  return row?.hits ?? 1;
}
