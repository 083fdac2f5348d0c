import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.js';
import { migrationsDir } from '../paths.js';
import type { Storage } from '../storage.js';

export interface HealthOptions {
  database: Database;
  storage: Storage;
  /** How long each readiness check may take before it counts as failed. */
  timeoutMs?: number;
  /** The migrations this build expects (drizzle's journal); tests pass their own. */
  expectedMigrations?: readonly number[];
  log?: (check: string, err: unknown) => void;
}

type Check = 'database' | 'storage' | 'migrations';

/** The `when` of every migration in drizzle's journal: the keys drizzle records once each is applied. */
export function journalMigrations(dir = migrationsDir): number[] {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return journal.entries.map((e) => e.when);
}

class Timeout extends Error {}

function within<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work(),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * `/healthz`: the process is alive and its event loop turns (no database, answered at once;
 * a restart is the cure when it fails). `/readyz`: this process can serve — the database answers,
 * the storage is reachable, and every migration this build knows is applied; otherwise 503
 * with the failing checks named, so a load balancer sends traffic elsewhere. While the process
 * shuts down Fastify answers 503 to both (return503OnClosing).
 */
export function registerHealth(app: FastifyInstance, options: HealthOptions) {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const expected = options.expectedMigrations ?? journalMigrations();
  const { db } = options.database;

  const checks: Record<Check, () => Promise<void>> = {
    database: async () => {
      await db.execute(sql`select 1`);
    },
    storage: async () => {
      await options.storage.check?.();
    },
    migrations: async () => {
      const { rows } = (await db.execute(sql`select created_at from drizzle.__drizzle_migrations`)) as unknown as {
        rows: { created_at: string | number }[];
      };
      const applied = new Set(rows.map((r) => Number(r.created_at)));
      const missing = expected.filter((when) => !applied.has(when)).length;
      if (missing) throw new Error(`${missing} migration(s) not applied`);
    },
  };

  const noStore = { 'cache-control': 'no-store' };
  app.get('/healthz', async (_req, reply) => reply.headers(noStore).send({ ok: true }));
  app.get('/readyz', async (_req, reply) => {
    const names = Object.keys(checks) as Check[];
    const results = await Promise.allSettled(names.map((name) => within(timeoutMs, checks[name])));
    const report: Record<string, string> = {};
    results.forEach((r, i) => {
      const name = names[i]!;
      if (r.status === 'fulfilled') report[name] = 'ok';
      else {
        // Details go to the log, not to whoever can reach the probe.
        report[name] = r.reason instanceof Timeout ? 'timeout' : 'failed';
        options.log?.(name, r.reason);
      }
    });
    const ready = results.every((r) => r.status === 'fulfilled');
    return reply
      .code(ready ? 200 : 503)
      .headers(noStore)
      .send({ status: ready ? 'ready' : 'unavailable', checks: report });
  });
}
