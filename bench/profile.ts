/**
 * `npm run bench:profile [-- cart,order] [-- --seconds 10]`: where one page's time goes. Seeds
 * the bench's small data set, starts the app with `--cpu-prof`, loads each chosen page at 32
 * connections, and prints per page: req/s, statements per request (from /metrics) and the
 * functions and packages with the most CPU time. Each page gets its own process and profile;
 * `--no-prof` measures without the profiler, and the bare Fastify+DB baseline is measured alongside.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { buildBaselines } from './baselines/build.js';
import { Browser } from './browser.js';
import { APP_NODE_FLAGS, freePort, startChild, stopAll } from './child.js';
import { createBenchDatabase } from './database.js';
import { BENCH_PASSWORD, generate } from './generate.js';
import { ORDERS_CUSTOMER } from './generate-orders.js';
import { logInStaff, orderNumbersIn } from './journey.js';
import { load, warm } from './load.js';
import { STAFF_QUEUE } from './orders-scale.js';
import { logInCustomers } from './write-path.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const SECONDS = Number(process.argv.includes('--seconds') ? arg('--seconds') : 10);
/** `--no-prof`: only throughput and CPU per request, without the profiler's own overhead. */
const noProf = process.argv.includes('--no-prof');
const METRICS_TOKEN = 'bench-profile-metrics-token';

interface Page {
  path: (s: Sessions) => string;
  who: (s: Sessions) => Browser;
}
interface Sessions {
  reader: Browser;
  watcher: Browser;
  watcherOrder: string;
  sales: Browser;
}
const LISTING = '/categories/asic-miners?brand=Bitmain';
const PAGES: Record<string, Page> = {
  listing: { path: () => LISTING, who: (s) => s.reader },
  cart: { path: () => '/cart', who: (s) => s.reader },
  orders: { path: () => '/orders', who: (s) => s.watcher },
  order: { path: (s) => `/orders/${s.watcherOrder}`, who: (s) => s.watcher },
  queue: { path: () => STAFF_QUEUE, who: (s) => s.sales },
};
const positional = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--seconds');
const chosen = positional ? positional.split(',') : Object.keys(PAGES);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const label = ({ callFrame: { functionName, url, lineNumber } }: ProfileNode) =>
  `${functionName || '(anonymous)'} ${url
    .replace(/^file:\/\//, '')
    .split('/')
    .slice(-2)
    .join('/')}:${lineNumber + 1}`;

/** Self time per function and per package (node_modules/<pkg>, the app's own files, node internals). */
function summarize(file: string, top = 25) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const self = new Map<number, number>();
  for (const [i, id] of p.samples.entries()) self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  let total = 0;
  for (const n of p.nodes) {
    const us = self.get(n.id) ?? 0;
    total += us;
    const { functionName, url } = n.callFrame;
    const short = url.replace(/^file:\/\//, '').replace(root, '');
    const fn = label(n);
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    const pkg =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(short)?.[1] ??
      (short.startsWith('/dist') ? 'app' : short ? 'node' : functionName);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + us);
  }
  const fmt = (m: Map<string, number>, n = top) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nodeName = new Map(p.nodes.map((n) => [n.id, label(n)]));
  const inclusive = new Map<string, number>();
  for (const [i, id] of p.samples.entries()) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(nodeName.get(at)!);
    for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  for (const k of [...inclusive.keys()]) if (!/dist\/server/.test(k)) inclusive.delete(k);
  return `by package:\n${fmt(byPkg)}\nby function:\n${fmt(byFn)}\napp functions, inclusive:\n${fmt(inclusive, 40)}`;
}

/** CPU seconds a process has used, user and system, from /proc (Linux). */
function cpuTimes(pid: number): { user: number; system: number } {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
  } catch {
    return { user: 0, system: 0 };
  }
}
const cpuSeconds = (pid: number) => {
  const t = cpuTimes(pid);
  return t.user + t.system;
};
/** The CPU of every PostgreSQL server process on this machine (the bench's database is the only busy one). */
const postgresCpu = () =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    })
    .reduce((sum, d) => sum + cpuSeconds(Number(d)), 0);

/**
 * Loads `url` and reports throughput with the CPU each request cost the app and PostgreSQL, and,
 * given the app's statement counter, the statements per request (counted over the measured load only).
 */
async function measureCpu(url: string, pid: number, headers?: Record<string, string>, count?: () => Promise<number>) {
  await warm(url, 2, headers);
  const bytes = (await (await fetch(url, { headers })).arrayBuffer()).byteLength;
  const statements0 = await count?.();
  const [app0, pg0] = [cpuTimes(pid), postgresCpu()];
  const m = await load(url, { connections: 32, seconds: SECONDS, headers });
  const [app1, pg1] = [cpuTimes(pid), postgresCpu()];
  const us = (s: number) => ((s * 1e6) / m.requests).toFixed(0);
  const perRequest =
    statements0 === undefined
      ? ''
      : `, ${(((await count!()) - statements0) / m.requests).toFixed(2)} statements/request`;
  return `${(bytes / 1024).toFixed(1)} KB, ${m.rps.toFixed(0)} req/s, p99 ${m.p99} ms, ${m.non2xx} non-2xx; CPU per request: app ${us(app1.user - app0.user)} µs user + ${us(app1.system - app0.system)} µs system, PostgreSQL ${us(pg1 - pg0)} µs${perRequest}`;
}

async function statements(base: string): Promise<number> {
  const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await res.text();
  return Number(/^hashcart_db_query_duration_seconds_count(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

async function main() {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  const bdb = await createBenchDatabase(process.env.DATABASE_URL);
  try {
    const database = await bdb.open();
    await generate(database.db, { products: 1_000, customers: 1_000, orders: 5_000 });
    const [first] = (
      (await database.db.execute(sql`select id from products where stock >= 200 order by id limit 3`)) as unknown as {
        rows: { id: number }[];
      }
    ).rows;
    await database.close();
    // Sessions live in the database: log in once (a staff TOTP code is not accepted twice), then
    // every page's own profiled process serves the same cookies.
    const env = {
      ...bdb.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      AUTH_RATE_LIMIT: '100000',
      METRICS_TOKEN,
    };
    const start = async (dir?: string) =>
      startChild({
        name: 'app',
        args: [
          ...APP_NODE_FLAGS,
          ...(dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []),
          join(root, 'dist/server.js'),
        ],
        env,
        port: await freePort(),
        healthPath: '/healthz',
      });
    const baseline = await startChild({
      name: 'fastify-db',
      args: [join(await buildBaselines(), 'fastify-db.js')],
      env: bdb.env,
      port: await freePort(),
      healthPath: '/healthz',
    });
    console.log(
      `\n== baseline Fastify+DB: ${await measureCpu(`${baseline.url}/products/${first?.id}`, baseline.proc.pid!)}`,
    );
    await baseline.stop();
    const login = await start();
    const [reader] = await logInCustomers(login.url, 1);
    if (first) await reader!.post('/cart/items', { productId: first.id, quantity: 1 });
    const watcher = new Browser(login.url);
    await watcher.login(ORDERS_CUSTOMER, BENCH_PASSWORD);
    const watcherOrder = orderNumbersIn((await watcher.get('/orders')).body)[0]!;
    const sessions: Sessions = { reader: reader!, watcher, watcherOrder, sales: (await logInStaff(login.url)).sales };
    await login.stop();
    for (const name of chosen) {
      const page = PAGES[name];
      if (!page) throw new Error(`no page "${name}" (pages: ${Object.keys(PAGES).join(', ')})`);
      const dir = noProf ? undefined : mkdtempSync(join(tmpdir(), 'hc-profile-'));
      const app = await start(dir);
      const url = app.url + page.path(sessions);
      const headers = { cookie: page.who(sessions).at(app.url).cookieHeader };
      const line = await measureCpu(url, app.proc.pid!, headers, () => statements(app.url));
      await app.stop();
      console.log(`\n== ${name} ${page.path(sessions)}: ${line}`);
      const profile = dir && readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
      if (profile) console.log(summarize(join(dir, profile)));
    }
  } finally {
    await stopAll();
    await bdb.drop();
  }
}

await main();
