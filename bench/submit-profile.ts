/**
 * `npm run bench:submit [-- --seconds 10] [-- --apps <dir>,<dir>] [-- --trace] [-- --cpu-prof <dir>]`:
 * where order submission's time goes. Seeds the bench's small data set into a fresh PostgreSQL
 * database per app build, starts each build (`<dir>/dist/server.js`, default this checkout), runs
 * the bench's add → cart → submit loop (bench/order-submit.ts) with 64 customers, and prints per
 * cycle: statements (the app's /metrics counter), CPU of the app and of the database's own
 * backends, and what those backends waited on (pg_stat_activity sampled every 20 ms). `--trace`
 * also logs every statement of one cycle (log_min_duration_statement on that database only).
 * Several `--apps` are measured back to back in the same run, so their numbers compare.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/client.js';
import { buildBaselines } from './baselines/build.js';
import { APP_NODE_FLAGS, type Child, freePort, startChild, stopAll } from './child.js';
import { generate } from './generate.js';
import { load } from './load.js';
import { checkOrderStock, lastOrderId, orderProducts } from './order-stock.js';
import { submitOrders } from './order-submit.js';
import { logInCustomers } from './write-path.js';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const SECONDS = Number(arg('--seconds') ?? 10);
const APPS = (arg('--apps') ?? process.cwd()).split(',').map((d) => resolve(d));
const TRACE = process.argv.includes('--trace');
const CPU_PROF = arg('--cpu-prof');
const CUSTOMERS = 64;
const METRICS_TOKEN = 'bench-submit-metrics-token';
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_LOG = '/var/log/postgresql/postgresql-15-main.log';

async function admin<T>(fn: (c: pg.Client) => Promise<T>, url = SERVER): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const ticks = (pid: number) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
};
const backends = (db: string) =>
  admin(
    async (c) => (await c.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [db])).rows,
  );

async function statements(base: string) {
  const text = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  return Number(/^hashcart_db_query_duration_seconds_count(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

/** Samples what the database's backends are doing: state and wait event, counted per sample. */
function sampleWaits(db: string) {
  const counts = new Map<string, number>();
  let samples = 0;
  let stop = false;
  const done = (async () => {
    const c = new pg.Client({ connectionString: SERVER });
    await c.connect();
    while (!stop) {
      const { rows } = await c.query<{ s: string }>(
        `select coalesce(state, '?') || ' ' || coalesce(wait_event_type || ':' || wait_event, 'CPU') as s
           from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and backend_type = 'client backend'`,
        [db],
      );
      samples++;
      for (const r of rows) counts.set(r.s, (counts.get(r.s) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 20));
    }
    await c.end();
  })();
  return async () => {
    stop = true;
    await done;
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `    ${(n / samples).toFixed(2).padStart(5)} backends  ${k}`)
      .join('\n');
  };
}

async function measureApp(dir: string, n: number) {
  const name = `hc_sub_${process.pid}_${n}`;
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  await admin(async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
  let app: Child | undefined;
  try {
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
    await generate(database.db, { products: 1_000, customers: 1_000, orders: 5_000 });
    const before = await orderProducts(database.db, 100);
    const since = await lastOrderId(database.db);
    const start = async (extra: string[] = []) =>
      startChild({
        name: 'app',
        args: [...APP_NODE_FLAGS, ...extra, join(dir, 'dist/server.js')],
        env: {
          DATABASE_URL: url.toString(),
          DATA_DIR: `/tmp/${name}`,
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          SEED_DEMO: 'false',
          AUTH_RATE_LIMIT: '100000',
          METRICS_TOKEN,
        },
        port: await freePort(),
        healthPath: '/healthz',
      });
    app = await start();
    const submitters = await logInCustomers(app.url, CUSTOMERS, 128);
    const probe = submitters[0]!;
    await probe.post('/cart/items', { productId: before[0]!.id, quantity: 1 });
    const form = (await probe.get('/cart')).body;
    const paymentMethodId = Number(/name="paymentMethodId"[^>]*>\s*<option value="(\d+)"/.exec(form)?.[1]);
    const run = { submitters, productIds: before.map((r) => r.id), paymentMethodId, placed: [] as never[] };

    if (TRACE) {
      await app.stop();
      await admin((c) => c.query(`alter database ${name} set log_min_duration_statement = 0`));
      app = await start();
      const one = { ...run, submitters: [probe.at(app.url)], placed: [] };
      await submitOrders(one, 0.5); // warms the statements up
      const offset = statSync(PG_LOG).size;
      await submitOrders({ ...one, placed: [] }, 0.001);
      await new Promise((r) => setTimeout(r, 300));
      const lines = readFileSync(PG_LOG, 'utf8').slice(offset).split('\n');
      const mine = lines.filter((l) => l.includes(`@${name} `));
      console.log(`\n== ${dir}: one cycle, ${mine.length} log lines`);
      for (const l of mine) console.log(`  ${l.replace(/^.*?@\S+ /, '').slice(0, 220)}`);
      await app.stop();
      await admin((c) => c.query(`alter database ${name} reset log_min_duration_statement`));
      app = await start(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : []);
    } else if (CPU_PROF) {
      await app.stop();
      app = await start(['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`]);
    }
    const live = { ...run, submitters: submitters.map((b) => b.at(app!.url)) };
    await submitOrders({ ...live, placed: [] }, 2); // warm-up: every connection prepares its statements
    const pids = (await backends(name)).map((r) => r.pid);
    const s0 = await statements(app.url);
    const [app0, pg0] = [ticks(app.proc.pid!), pids.reduce((s, p) => s + ticks(p), 0)];
    const waits = sampleWaits(name);
    const client0 = process.cpuUsage();
    const result = await submitOrders({ ...live, placed: [] }, SECONDS);
    const client = process.cpuUsage(client0);
    const waited = await waits();
    const [app1, pg1] = [ticks(app.proc.pid!), pids.reduce((s, p) => s + ticks(p), 0)];
    const s1 = await statements(app.url);
    const orders = result.figures.orders!;
    await app.stop();
    const stock = await checkOrderStock(database.db, before, since);
    // The bare Fastify+pg baseline on the same database, for comparing runs.
    const bare = await startChild({
      name: 'fastify-db',
      args: [join(await buildBaselines(), 'fastify-db.js')],
      env: { DATABASE_URL: url.toString() },
      port: await freePort(),
      healthPath: '/healthz',
    });
    const baseline = await load(`${bare.url}/products/${before[0]!.id}`, { connections: 32, seconds: 3 });
    await bare.stop();
    await database.close();
    const us = (s: number) => ((s * 1e6) / orders).toFixed(0);
    console.log(`\n== ${dir}: ${result.summary}`);
    console.log(
      `  per cycle: ${((s1 - s0) / orders).toFixed(2)} statements, app CPU ${us(app1 - app0)} µs, PostgreSQL backends CPU ${us(pg1 - pg0)} µs (${pids.length} backends), load generator CPU ${us((client.user + client.system) / 1e6)} µs`,
    );
    console.log(`  same-run baseline Fastify+pg: ${baseline.rps.toFixed(0)} req/s`);
    console.log(`  stock ${stock.exact ? 'exact' : 'NOT EXACT'}: ${JSON.stringify(stock)}`);
    console.log(`  backends by state and wait (mean per sample):\n${waited}`);
    if (CPU_PROF) console.log(`  profiles: ${readdirSync(CPU_PROF).join(', ')}`);
  } finally {
    await app?.stop();
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  }
}

try {
  for (const [n, dir] of APPS.entries()) await measureApp(dir, n);
} finally {
  await stopAll();
}
