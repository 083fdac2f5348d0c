import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type AppOptions, buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { type Database, openDatabase } from '../src/platform/db/client.js';

/** A fresh database cloned from the migrated template: PGlite by default, PostgreSQL with DATABASE_URL (then `url` is its address). */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  const template = inject('postgresTemplate');
  const url = process.env.DATABASE_URL;
  if (template && url) {
    const name = `hc_t${randomBytes(4).toString('hex')}_${process.ppid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const fileUrl = new URL(url);
    fileUrl.pathname = `/${name}`;
    const db = await openDatabase({ kind: 'postgres', url: fileUrl.toString(), poolSize: 4 });
    return {
      ...db,
      url: fileUrl.toString(),
      close: async () => {
        await db.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dump = new Blob([readFileSync(inject('pgliteTemplate'))]);
  return openDatabase({ kind: 'pglite', loadDump: dump });
}

export async function createTestApp(env: Record<string, string> = {}, options: Pick<AppOptions, 'now'> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hashcart-test-'));
  const database = await openTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...env });
  const app = await buildApp(config, { database, logger: false, sweep: false, ...options });
  return {
    app,
    db: database.db,
    /** The app's action context: actions called by a test publish their effects like a request's. */
    actions: app.services.actions,
    database,
    storageDir: join(dataDir, 'files'),
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A second app on the same database: stands for a second process in tests of shared state. */
export function secondApp(t: TestApp) {
  return buildApp(loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', DATA_DIR: t.storageDir }), {
    database: t.database,
    logger: false,
    sweep: false,
  });
}

/** A clock the app reads instead of the real time; tests move it forward to expire links and codes. */
export function movableClock(start = Date.now()) {
  let at = start;
  return {
    now: () => new Date(at),
    advance(ms: number) {
      at += ms;
    },
  };
}
