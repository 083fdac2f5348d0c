import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTcpProxy } from '../../../test/tcp-proxy.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { type Database, openDatabase } from '../db/client.js';
import type { Storage } from '../storage.js';
import { journalMigrations, registerHealth } from './health.js';

describe('health and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('/healthz answers without touching the database; /readyz checks database, storage and migrations', async () => {
    const before = t.database.queries.count;
    const health = await t.app.inject('/healthz');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ ok: true });
    expect(t.database.queries.count).toBe(before);

    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.headers['cache-control']).toBe('no-store');
    expect(ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', storage: 'ok', migrations: 'ok' },
    });
  });

  it('is not ready when a migration of this build is not applied, or the storage cannot be written', async () => {
    const app = Fastify();
    const broken = { check: async () => Promise.reject(new Error('disk gone')) } as unknown as Storage;
    const logged: string[] = [];
    registerHealth(app, {
      database: t.database,
      storage: broken,
      expectedMigrations: [...journalMigrations(), Date.now()],
      log: (check) => logged.push(check),
    });
    const res = await app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      status: 'unavailable',
      checks: { database: 'ok', storage: 'failed', migrations: 'failed' },
    });
    expect(res.body).not.toContain('disk gone');
    expect(logged.sort()).toEqual(['migrations', 'storage']);
    await app.close();
  });
});

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('readiness while PostgreSQL goes away and comes back', () => {
  let admin: pg.Client;
  let name: string;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let database: Database;
  const app = Fastify();
  beforeAll(async () => {
    const server = new URL(url!);
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    name = `hc_t${randomBytes(4).toString('hex')}_${process.ppid}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    const through = new URL(url!);
    through.host = `127.0.0.1:${proxy.port}`;
    through.pathname = `/${name}`;
    database = await openDatabase({ kind: 'postgres', url: through.toString(), poolSize: 2 });
    registerHealth(app, {
      database,
      storage: { check: async () => {} } as unknown as Storage,
      timeoutMs: 300,
    });
  });
  afterAll(async () => {
    await app.close();
    await database?.close();
    await proxy?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  const readyz = async () => {
    const res = await app.inject('/readyz');
    return { code: res.statusCode, checks: res.json().checks };
  };

  it('answers 503 naming the database while it cannot be reached, and 200 again once it can', async () => {
    expect(await readyz()).toEqual({ code: 200, checks: { database: 'ok', storage: 'ok', migrations: 'ok' } });

    await proxy.cut();
    // Pooled connections drop and new ones are refused: the probe says so, and keeps saying so.
    for (let i = 0; i < 2; i++) {
      expect(await readyz()).toEqual({
        code: 503,
        checks: { database: 'failed', storage: 'ok', migrations: 'failed' },
      });
    }

    await proxy.restore();
    expect(await readyz()).toEqual({ code: 200, checks: { database: 'ok', storage: 'ok', migrations: 'ok' } });

    // A network that swallows packets: the probe gives up after its timeout instead of hanging.
    proxy.stall();
    const started = Date.now();
    expect(await readyz()).toEqual({
      code: 503,
      checks: { database: 'timeout', storage: 'ok', migrations: 'timeout' },
    });
    expect(Date.now() - started).toBeLessThan(2_000);

    await proxy.restore();
    expect((await readyz()).code).toBe(200);
  });
});
