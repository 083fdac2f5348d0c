import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { loadConfig } from './platform/config.js';

const url = process.env.DATABASE_URL;

/** Starts two full apps at the same moment on one new, empty PostgreSQL database, as two processes would. */
async function startTwoOnEmptyDatabase(trial: number) {
  const name = `hc_start${trial}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(url!);
  dbUrl.pathname = `/${name}`;
  const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'hashcart-start-')));
  const started = await Promise.allSettled(
    dirs.map((dir) =>
      buildApp(
        loadConfig({
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          SEED_DEMO: 'true',
          DATA_DIR: dir,
          DATABASE_URL: dbUrl.toString(),
        }),
        { logger: false, sweep: false },
      ),
    ),
  );
  const products = await (async () => {
    const c = new pg.Client({ connectionString: dbUrl.toString() });
    await c.connect();
    try {
      return (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM products')).rows[0]?.n;
    } finally {
      await c.end();
    }
  })();
  for (const s of started) if (s.status === 'fulfilled') await s.value.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  return { started, products };
}

/** The driver's message (a duplicate key names its constraint), not Drizzle's whole failed statement. */
const reasonOf = (err: unknown) =>
  String((err as { cause?: Error }).cause?.message ?? (err as Error).message).slice(0, 200);

describe.skipIf(!url)('two processes starting together on an empty PostgreSQL database', () => {
  it('both start; the schema is migrated and the demo seeded exactly once', { timeout: 120_000 }, async () => {
    const once = await startTwoOnEmptyDatabase(0);
    const failures: string[] = [];
    for (const [trial, run] of [once, await startTwoOnEmptyDatabase(1), await startTwoOnEmptyDatabase(2)].entries()) {
      for (const s of run.started) if (s.status === 'rejected') failures.push(`trial ${trial}: ${reasonOf(s.reason)}`);
      expect(run.products).toBeGreaterThan(0);
    }
    expect(failures).toEqual([]);
    // Seeded once: the demo catalog's size, not twice it.
    expect(once.products).toBe((await import('./modules/catalog/demo/demo-products.js')).demoProducts.length);
  });
});
