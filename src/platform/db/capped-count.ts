import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { constant } from './constant.js';

/**
 * `(select count(*) from (select 1 … limit cap + 1))` as a column: counts matching rows
 * up to `cap + 1` (the page then says "1,000+"), so a badge reads an index range, never
 * the whole table. Several go in one SELECT: one round trip for a page's badges.
 */
export const cappedCount = (table: PgTable, where: SQL | undefined, cap: number) =>
  sql<number>`(select count(*)::int from (select 1 from ${table} where ${where ?? sql`true`} limit ${constant(cap + 1)}) capped)`.mapWith(
    Number,
  );

/** The FROM of a SELECT made only of such scalar columns. */
export const oneRow = sql`(select 1) one`;
