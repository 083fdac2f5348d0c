import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../src/platform/db/client.js';

/** Where one bench run keeps its data: a fresh PostgreSQL database, or a temp PGlite directory. */
export interface BenchDatabase {
  kind: 'postgres' | 'pglite';
  /** For the report: which server, which database or directory. */
  label: string;
  /** Environment for child processes (DATABASE_URL or DATA_DIR). */
  env: Record<string, string>;
  /** Opens it in this process (migrates on first open). PGlite: only while no child holds it. */
  open(): Promise<Database>;
  drop(): Promise<void>;
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hc-bench-'));
  if (!serverUrl) {
    return {
      kind: 'pglite',
      label: `PGlite (embedded) in ${dataDir}`,
      env: { DATA_DIR: dataDir },
      open: () => openDatabase({ kind: 'pglite', dataDir }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `hc_bench_${process.pid}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const version = await admin(serverUrl, async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
    return (await c.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? '?';
  });
  return {
    kind: 'postgres',
    label: `PostgreSQL ${version}, database ${name}`,
    // Uploaded files and the outbox still live in DATA_DIR; keep them out of ./data.
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    open: () => openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 }),
    drop: async () => {
      await admin(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
