import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/test-app.js';
import type { Database } from '../../platform/db/client.js';
import { queueCountsQuery } from './order.repo.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const literal = (v: unknown) =>
  typeof v === 'number' ? String(v) : `'${String(v instanceof Date ? v.toISOString() : v).replaceAll("'", "''")}'`;

describe('queue badges under a prepared statement', () => {
  // Statements are prepared once per connection (ADR 0011), and PostgreSQL may then run them
  // with a generic plan that cannot see parameter values. The badges must still read the
  // status index and the overdue partial indexes, never scan every order.
  it('read only indexes with a generic plan', async () => {
    const { sql: text, params } = queueCountsQuery(database.db, new Date()).toSQL();
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql.raw(`prepare queue_counts_plan as ${text}`));
      const rows = await tx.execute(sql.raw(`explain execute queue_counts_plan(${params.map(literal).join(', ')})`));
      await tx.execute(sql`deallocate queue_counts_plan`);
      return (rows as unknown as { rows: { 'QUERY PLAN': string }[] }).rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).not.toMatch(/Seq Scan on orders/);
    // A state sent as a parameter would keep the overdue branches off their partial indexes.
    expect(plan).not.toMatch(/status = \$\d/);
    for (const index of ['orders_overdue_quote_idx', 'orders_overdue_payment_idx', 'orders_overdue_tracking_idx'])
      expect(plan).toContain(index);
  });
});
