import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { migrationsDir } from '../paths.js';
import { acquireDataDirLock } from './lock.js';
import * as schema from './schema.js';
import { StatementCachingClient } from './statement-cache.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories take either, so actions decide where the transaction starts. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Statements sent since start: lets tests prove a page has no N+1 queries. */
  queries: { count: number };
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string; loadDump?: Blob };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const queries = { count: 0 };
  const logger = { logQuery: () => void queries.count++ };

  if (options.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      Client: StatementCachingClient,
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema, logger, casing: 'snake_case' }) as unknown as Db;
    // Several app processes may start together: only one migrates at a time.
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(774411)');
      await migratePg(drizzlePg(client), { migrationsFolder: migrationsDir });
      await client.query('SELECT pg_advisory_unlock(774411)');
    } finally {
      client.release();
    }
    return { db, kind: 'postgres', queries, close: () => pool.end() };
  }

  // PGlite does not lock its data directory: a second process would corrupt it.
  let release = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    release = acquireDataDirLock(options.dataDir);
  }
  try {
    // Loaded only for the embedded database: on PostgreSQL it would be resident memory for nothing (#7).
    const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ]);
    const client = new PGlite({
      dataDir: options.dataDir ? join(options.dataDir, 'pglite') : undefined,
      loadDataDir: options.loadDump,
    });
    await client.waitReady;
    const db = drizzlePglite(client, { schema, logger, casing: 'snake_case' }) as unknown as Db;
    await migratePglite(drizzlePglite(client), { migrationsFolder: migrationsDir });
    return {
      db,
      kind: 'pglite',
      queries,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
