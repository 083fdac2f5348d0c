import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MAX_NAMED_STATEMENTS, StatementCachingClient } from './statement-cache.js';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('statement cache on PostgreSQL', () => {
  // One connection, so pg_prepared_statements shows what this pool's client prepared.
  const openPool = () => new pg.Pool({ connectionString: url, max: 1, Client: StatementCachingClient });
  const prepared = async (pool: pg.Pool) =>
    (await pool.query<{ statement: string }>({ text: 'select statement from pg_prepared_statements' })).rows.map(
      (r) => r.statement,
    );

  it('prepares a statement text once per connection and answers every call from it', async () => {
    const pool = openPool();
    try {
      const text = 'select $1::int * 2 as doubled';
      for (const n of [1, 2, 3]) expect((await pool.query({ text, values: [n] })).rows).toEqual([{ doubled: n * 2 }]);
      expect((await prepared(pool)).filter((s) => s === text)).toHaveLength(1);
      // Statements without parameters (BEGIN, COMMIT, a migration's DDL) stay unnamed, so a
      // text may still hold several commands.
      await pool.query('select 1');
      expect((await pool.query({ text: 'select 1 as one; select 2 as two' })) as unknown as unknown[]).toHaveLength(2);
      expect(await prepared(pool)).toEqual([text]);
    } finally {
      await pool.end();
    }
  });

  it('sends a LIKE or ILIKE statement unnamed, so each run is planned with its pattern (#15)', async () => {
    const pool = openPool();
    try {
      const texts = [
        "select count(*)::int as n from (values ('1Z999AA1'), ('other')) v(t) where t ilike $1",
        "select count(*)::int as n from (values ('1Z999AA1')) v(t) where t LIKE $1",
      ];
      // More runs than PostgreSQL takes to switch a named statement to its generic plan.
      for (const text of texts)
        for (let i = 0; i < 7; i++) expect((await pool.query({ text, values: ['%99%'] })).rows).toEqual([{ n: 1 }]);
      expect(await prepared(pool)).toEqual([]);
      // A column that merely has "like" in its name is no pattern match.
      const liked = 'select $1::int as likes';
      await pool.query({ text: liked, values: [1] });
      expect(await prepared(pool)).toEqual([liked]);
    } finally {
      await pool.end();
    }
  });

  it('stops naming new texts past the cap, and still answers them', async () => {
    const pool = openPool();
    try {
      for (let i = 0; i < MAX_NAMED_STATEMENTS + 20; i++) {
        const { rows } = await pool.query({ text: `select $1::int + ${i} as n`, values: [1] });
        expect(rows).toEqual([{ n: i + 1 }]);
      }
      expect((await prepared(pool)).length).toBeLessThanOrEqual(MAX_NAMED_STATEMENTS);
    } finally {
      await pool.end();
    }
  });
});
