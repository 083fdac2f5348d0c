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
  /**
   * Statements sent since start: lets tests prove a page has no N+1 queries. `observe`, when set,
   * is told each statement's duration in seconds (PostgreSQL only; the metrics set it).
   */
  queries: { count: number; observe?: (seconds: number) => void };
  /** The connection pool's state (PostgreSQL): connections open, idle, and callers waiting for one. */
  pool?: () => { total: number; idle: number; waiting: number };
  /**
   * Runs `fn` while no other process starting on this database runs its own (the lock the
   * migrations take). Startup work that checks, then writes (admin bootstrap, demo seed) goes
   * here, or two processes starting together both see an empty database and both write.
   */
  exclusive<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Held while migrating and while preparing data at start (PostgreSQL; PGlite is one process). */
const STARTUP_LOCK = 774411;

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string; loadDump?: Blob };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const queries: Database['queries'] = { count: 0 };
  const logger = { logQuery: () => void queries.count++ };

  if (options.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      Client: timedClient(queries),
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema, logger, casing: 'snake_case' }) as unknown as Db;
    // A session-level lock, so the work runs on the connection that holds it (a pool of one must not wait on itself).
    const underLock = async <T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
        try {
          return await fn(client);
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]);
        }
      } finally {
        client.release();
      }
    };
    // Several app processes may start together: only one migrates at a time.
    await underLock((client) => migratePg(drizzlePg(client), { migrationsFolder: migrationsDir }));
    const exclusive = <T>(fn: (db: Db) => Promise<T>) =>
      underLock((client) => fn(drizzlePg(client, { schema, logger, casing: 'snake_case' }) as unknown as Db));
    return {
      db,
      kind: 'postgres',
      queries,
      exclusive,
      close: () => pool.end(),
      pool: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    };
  }

  // PGlite does not lock its data directory: a second process would corrupt it.
  let release = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    release = acquireDataDirLock(options.dataDir);
  }
  try {
    // Loaded only for the embedded database: on PostgreSQL it would be resident memory for nothing (#7).
    const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ]);
    const client = new PGlite({
      dataDir: options.dataDir ? join(options.dataDir, 'pglite') : undefined,
      loadDataDir: options.loadDump,
      // The back-office search's trigram indexes (migration 0020).
      extensions: { pg_trgm },
    });
    await client.waitReady;
    const db = drizzlePglite(client, { schema, logger, casing: 'snake_case' }) as unknown as Db;
    await migratePglite(drizzlePglite(client), { migrationsFolder: migrationsDir });
    return {
      db,
      kind: 'pglite',
      queries,
      // One connection, one process (the data-dir lock): nothing else can run meanwhile.
      exclusive: (fn) => fn(db),
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

/** The statement-caching client, timing each statement for `queries.observe` when that is set. */
function timedClient(queries: Database['queries']) {
  return class TimedClient extends StatementCachingClient {
    // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; this passes them all through.
    override query(config: any, ...rest: any[]): any {
      const observe = queries.observe;
      if (!observe) return super.query(config, ...rest);
      const started = performance.now();
      const done = () => observe((performance.now() - started) / 1000);
      // The pool's query() passes a callback; drizzle's transactions await a promise.
      const last = rest.length - 1;
      const callback = rest[last];
      if (typeof callback === 'function') {
        rest[last] = (err: unknown, res: unknown) => {
          done();
          callback(err, res);
        };
        return super.query(config, ...rest);
      }
      const result = super.query(config, ...rest);
      if (result && typeof result.then === 'function') result.then(done, done);
      return result;
    }
  };
}
