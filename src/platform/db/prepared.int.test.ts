import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/test-app.js';
import { oneRow } from './capped-count.js';
import type { Database, DbOrTx } from './client.js';
import { type Placeholders, preparedPerDb } from './prepared.js';
import { settings } from './schema.js';
import { statementName } from './statement-cache.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('preparedPerDb', () => {
  let builds = 0;
  const query = (db: DbOrTx, p: Placeholders<{ n: number; at: Date; key: string }>) => {
    builds++;
    return db
      .select({
        doubled: sql<number>`${p.n}::int * 2`,
        at: sql<string>`${p.at}::timestamptz`.mapWith((v: string | Date) => new Date(v).toISOString()),
        value: settings.value,
      })
      .from(oneRow)
      .leftJoin(settings, eq(settings.key, p.key));
  };
  const run = preparedPerDb(query);
  const at = new Date('2026-03-04T05:06:07.000Z');

  it('builds the query once per database and binds the values of each call', async () => {
    builds = 0;
    expect(await run(database.db, { n: 2, at, key: 'none' })).toEqual([
      { doubled: 4, at: at.toISOString(), value: null },
    ]);
    expect(await run(database.db, { n: 21, at, key: 'none' })).toEqual([
      { doubled: 42, at: at.toISOString(), value: null },
    ]);
    expect(builds).toBe(1);
  });

  it('runs inside a transaction, on its connection, built again there', async () => {
    let inside: unknown;
    const undo = new Error('undo');
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(settings).values({ key: 'prepared_test', value: 'seen' });
        inside = await run(tx, { n: 1, at, key: 'prepared_test' });
        throw undo;
      }),
    ).rejects.toBe(undo);
    expect(inside).toEqual([{ doubled: 2, at: at.toISOString(), value: 'seen' }]);
    expect(await run(database.db, { n: 1, at, key: 'prepared_test' })).toEqual([
      { doubled: 2, at: at.toISOString(), value: null },
    ]);
  });

  it.skipIf(!process.env.DATABASE_URL)('is a named statement on PostgreSQL, named after its text', async () => {
    const names = await database.exclusive(async (db) => {
      await run(db, { n: 3, at, key: 'none' });
      const { rows } = (await db.execute(sql`select name from pg_prepared_statements`)) as unknown as {
        rows: { name: string }[];
      };
      return rows.map((r) => r.name);
    });
    const text = query(database.db, new Proxy({}, { get: (_, n) => sql.placeholder(String(n)) }) as never).toSQL().sql;
    expect(names).toContain(statementName(text));
  });
});
