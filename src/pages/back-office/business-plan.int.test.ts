import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/test-app.js';
import { orderStatsQueries } from '../../modules/orders/order-stats.repo.js';
import { paymentStatsQueries } from '../../modules/payments/payment-stats.repo.js';
import type { Database } from '../../platform/db/client.js';
import { periodDays } from './business.data.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const literal = (v: unknown) =>
  typeof v === 'number' ? String(v) : `'${String(v instanceof Date ? v.toISOString() : v).replaceAll("'", "''")}'`;

/** The plan PostgreSQL uses for a prepared statement (ADR 0011) without sequential scans where an index serves. */
async function genericPlan(query: { toSQL(): { sql: string; params: unknown[] } }) {
  const { sql: text, params } = query.toSQL();
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql.raw(`prepare stats_plan as ${text}`));
    const args = params.length ? `(${params.map(literal).join(', ')})` : '';
    const rows = await tx.execute(sql.raw(`explain execute stats_plan${args}`) as SQL);
    await tx.execute(sql`deallocate stats_plan`);
    return (rows as unknown as { rows: { 'QUERY PLAN': string }[] }).rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('business figures read a bounded period through indexes', () => {
  const now = new Date();
  const p = { ...periodDays(90, now), now };

  it('orders by submission day and by payment day, never every order', async () => {
    const q = orderStatsQueries(database.db, p);
    for (const query of [q.perDay, q.quote, q.topCountries, q.topProducts]) {
      const plan = await genericPlan(query);
      expect(plan).not.toMatch(/Seq Scan on orders/);
      expect(plan).toContain('orders_created_idx');
    }
    const ship = await genericPlan(q.ship);
    expect(ship).toContain('orders_approved_idx');
  });

  it('payments approved through their partial index', async () => {
    const q = paymentStatsQueries(database.db, p);
    for (const query of [q.perDay, q.average]) {
      const plan = await genericPlan(query);
      expect(plan).not.toMatch(/Seq Scan on payment_proofs/);
      expect(plan).toContain('payment_proofs_approved_idx');
    }
  });
});
