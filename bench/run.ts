/**
 * `npm run bench [-- --quick] [-- --only pages,catalog,orders]`: builds, seeds a fresh
 * database, measures the app as a child process against two bare baselines measured in the
 * same run, prints a table and writes bench/results/<timestamp>.json. See README "Benchmarks".
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { buildBaselines } from './baselines/build.js';
import { Browser } from './browser.js';
import { APP_NODE_FLAGS, type Child, freePort, rssMb, startChild, stopAll } from './child.js';
import { type BenchDatabase, createBenchDatabase } from './database.js';
import { generate } from './generate.js';
import { setUpJourney } from './journey.js';
import { type Headers, load, type Measure, warm } from './load.js';
import { checkOrderStock, lastOrderId, orderProducts } from './order-stock.js';
import { ordersAtScale, STAFF_QUEUE } from './orders-scale.js';
import { firstProductPath, followToPage, pageWeight } from './pages.js';
import { formatReport } from './report.js';
import type { Results, Row } from './results.js';
import { scaleOut } from './scale-out.js';
import { runSlot, scalingSlots, slots } from './slots.js';
import { checkTargets } from './targets.js';
import { addToCartLoad, logInCustomers } from './write-path.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
/** `--only a,b`: run only these sections (the baselines always run). */
const SECTIONS = ['pages', 'catalog', 'orders'] as const;
const onlyArg = process.argv.find((a, i) => process.argv[i - 1] === '--only' || a.startsWith('--only='));
const only = onlyArg?.replace(/^--only=/, '').split(',');
const unknownSection = only?.find((s) => !(SECTIONS as readonly string[]).includes(s));
if (unknownSection) throw new Error(`--only: no section "${unknownSection}" (sections: ${SECTIONS.join(', ')})`);
const runs = (section: (typeof SECTIONS)[number]) => !only || only.includes(section);
/** `--cpu-prof`: the app children write V8 CPU profiles to bench/results/ (see README "Profiling"). */
const cpuProf = process.argv.includes('--cpu-prof')
  ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'bench/results')}`]
  : [];
const SECONDS = quick ? 3 : 10;
/** 1-connection rows: latency settles fast, throughput is not the point. */
const LATENCY_SECONDS = quick ? 2 : 10;
const WARM_SECONDS = quick ? 1 : 2;
const SMALL = 1_000;
const LARGE = quick ? 10_000 : 100_000;
const CUSTOMERS = 1_000;
const WRITERS = 64;
const SMALL_ORDERS = 5_000;
const LISTING = '/categories/asic-miners?brand=Bitmain';

const log = (msg: string) =>
  process.stderr.write(`[bench ${(performance.now() / 1000).toFixed(0).padStart(3)}s] ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(name: string, base: string, path: string, headers?: Headers): Promise<Row> {
  log(`measuring ${name} ${path}`);
  await warm(base + path, WARM_SECONDS, headers);
  const c32 = await load(base + path, { connections: 32, seconds: SECONDS, headers });
  const c1 = await load(base + path, { connections: 1, seconds: LATENCY_SECONDS, headers });
  return { name, path, c32, c1 };
}

async function startApp(bdb: BenchDatabase, extraEnv: Record<string, string> = {}): Promise<Child> {
  return startChild({
    name: 'app',
    args: [...APP_NODE_FLAGS, ...cpuProf, join(root, 'dist/server.js')],
    // Every bench customer logs in from 127.0.0.1: lift the per-IP login limit for this run only.
    env: {
      ...bdb.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      AUTH_RATE_LIMIT: '100000',
      ...extraEnv,
    },
    port: await freePort(),
    healthPath: '/healthz',
  });
}

/** Baseline 2, started for one measurement: also measured again beside the large order book. */
async function dbBaseline(bdb: BenchDatabase, dir: string, productId: number) {
  const db = await startChild({
    name: 'fastify-db',
    args: [join(dir, 'fastify-db.js')],
    env: bdb.env,
    port: await freePort(),
    healthPath: '/healthz',
  });
  const row = await measure(
    `baseline Fastify+${bdb.kind === 'postgres' ? 'pg' : 'PGlite'}`,
    db.url,
    `/products/${productId}`,
  ).finally(() => db.stop());
  return { row, startupMs: db.startupMs, rssMb: db.rss.peakMb };
}

async function baselines(bdb: BenchDatabase, dir: string, productId: number) {
  const hello = await startChild({
    name: 'hello',
    args: [join(dir, 'hello.js')],
    env: {},
    port: await freePort(),
    healthPath: '/',
  });
  const helloRow = await measure('baseline node:http', hello.url, '/').finally(() => hello.stop());
  const db = await dbBaseline(bdb, dir, productId);
  return { hello: helloRow, fastifyDb: db.row, fastifyDbStartupMs: db.startupMs, fastifyDbRssMb: db.rssMb };
}

/** What the sections share: products and their stock before the run, where the generated orders end. */
interface Setup {
  before: { id: number; stock: number }[];
  orderStockBefore: Awaited<ReturnType<typeof orderProducts>>;
  generatedUpTo: number;
}

/** What the first app process serves (storefront, write path, order journey), scale-out, and the 100× catalog. */
async function pagesSection(
  bdb: BenchDatabase,
  setup: Setup,
  generation: Results['generation'],
  baseline: () => Promise<Row>,
) {
  const { before, orderStockBefore, generatedUpTo } = setup;
  log('starting the app');
  const app = await startApp(bdb);
  await sleep(1000);
  const idleMb = (app.proc.pid && rssMb(app.proc.pid)) || 0;
  const listing5 = await followToPage(app.url, LISTING, 5);
  const product = await firstProductPath(app.url, listing5);
  const customers = await logInCustomers(app.url, WRITERS);
  const reader = customers[0]!;
  for (const row of before.slice(0, 3)) await reader.post('/cart/items', { productId: row.id, quantity: 1 });
  log(`order journey: logging in ${WRITERS} more customers, the 50-order customer and staff`);
  const journey = await setUpJourney(
    app,
    orderStockBefore.map((r) => r.id),
    WRITERS,
    WRITERS,
  );

  const reads: Row[] = [];
  // The highest RSS of each phase, so a peak can be traced to what caused it.
  const byPhase: Record<string, number> = { 'start and log-ins': app.takePeakMb() };
  const phase = async <T>(name: string, run: () => Promise<T>) => {
    const result = await run();
    byPhase[name] = app.takePeakMb();
    return result;
  };
  const read = async (name: string, path: string, headers?: Record<string, string>) =>
    reads.push(await phase(name, () => measure(name, app.url, path, headers)));
  await read('home', '/');
  await read('listing', listing5);
  // Visitors' pages come whole from the page cache (ADR 0010); a logged-in reader's are rendered each time.
  await read('listing (logged in)', listing5, { cookie: reader.cookieHeader });
  await read('product', product);
  await read('search', '/search?q=antminer');
  await read('api products', '/api/v1/products');
  await read('cart (logged in)', '/cart', { cookie: reader.cookieHeader });
  await read('my orders (50)', '/orders', { cookie: journey.watcher.cookieHeader });
  await read('order page', `/orders/${journey.watcherOrders[0]}`, { cookie: journey.watcher.cookieHeader });
  await read('staff queue (sales)', STAFF_QUEUE, { cookie: journey.staff.sales.cookieHeader });
  // The logged-in pages are judged against the baseline before and after them (Results.fastifyDbAfterPages).
  const fastifyDbAfterPages = await baseline();

  const weights = {
    home: await pageWeight(app.url, '/'),
    listing: await pageWeight(app.url, listing5),
    product: await pageWeight(app.url, product),
  };

  log(`write path: ${WRITERS} customers adding to cart`);
  const write = await phase('add to cart', () =>
    addToCartLoad(
      customers,
      before.map((r) => r.id),
      SECONDS,
    ),
  );
  const slotCtx = { base: app.url, customers, quick, seconds: SECONDS, journey };
  const slotOutcomes = [];
  for (const s of slots) {
    log(`slot: ${s.name}`);
    slotOutcomes.push(await phase(s.name, () => runSlot(s, slotCtx, reader)));
  }
  // The RSS target is about load; the 2,000 open SSE streams are reported on their own row.
  const peakMb = journey.peakBeforeStreamsMb ?? app.rss.peakMb;
  await app.stop();

  // Issue 16: 1 process vs nginx + 2 processes; its orders go to the same products, so the stock check below covers them too.
  const scale = await scaleOut({
    bdb,
    cpus: cpus().length,
    seconds: SECONDS,
    productPath: product,
    productIds: journey.productIds,
    paymentMethodId: journey.paymentMethodId,
    firstCustomer: 2 * WRITERS,
    customers: WRITERS,
    startApp: (env) => startApp(bdb, env),
    measure,
    log,
  });
  if (scale.skipped) log(`scale-out skipped: ${scale.skipped}`);

  const database = await bdb.open();
  const afterRows = await database.db.execute(
    sql`select id, stock from products where stock >= 200 order by id limit 200`,
  );
  const after = (afterRows as unknown as { rows: { id: number; stock: number }[] }).rows;
  const units = await database.db.execute(sql`select coalesce(sum(quantity), 0)::int as n from cart_items`);
  const cartUnits = (units as unknown as { rows: { n: number }[] }).rows[0]?.n ?? -1;
  const orderStock = await checkOrderStock(database.db, orderStockBefore, generatedUpTo);
  const submission = slotOutcomes.find((o) => o.name === 'order submission')?.result;
  if (submission) {
    submission.summary += `; stock ${orderStock.exact ? 'exact' : 'NOT EXACT'} (${orderStock.reservedUnits} units reserved = ${orderStock.stockDecrease} stock decrease over ${orderStock.products} products, ${orderStock.negative} negative)`;
    Object.assign(submission.figures, {
      stockExact: orderStock.exact ? 1 : 0,
      reservedUnits: orderStock.reservedUnits,
      stockDecrease: orderStock.stockDecrease,
    });
  }
  log(`generating up to ${LARGE} products`);
  generation.push(await generate(database.db, { products: LARGE, customers: CUSTOMERS, orders: SMALL_ORDERS }));
  await database.close();

  log('restarting the app on the large catalog');
  const big = await startApp(bdb);
  const bigListing = await measure('listing (large)', big.url, await followToPage(big.url, LISTING, 5));
  const scalingOutcomes = [];
  for (const s of scalingSlots)
    scalingOutcomes.push(await runSlot(s, { ...slotCtx, base: big.url }, new Browser(big.url)));
  await big.stop();

  const small: Measure = reads.find((r) => r.name === 'listing')!.c32;
  return {
    reads,
    fastifyDbAfterPages,
    write: {
      ...write,
      stockUnchanged: JSON.stringify(before) === JSON.stringify(after),
      cartUnitsMatch: cartUnits === write.adds + 3,
    },
    startup: { ms: app.startupMs },
    rss: { idleMb, peakMb, byPhase },
    weights,
    scaling: {
      small: { products: SMALL, listing: small },
      large: { products: LARGE, listing: bigListing.c32, startupMs: big.startupMs },
      factor: LARGE / SMALL,
      kept: bigListing.c32.rps / small.rps,
    },
    orderStock,
    slots: slotOutcomes,
    scaleOut: scale,
    scalingSlots: scalingOutcomes,
  } satisfies Partial<Results>;
}

async function main() {
  const loadBefore = loadavg()[0] ?? 0;
  if (loadBefore > cpus().length / 2)
    log(`warning: load average ${loadBefore.toFixed(1)} on ${cpus().length} CPUs before starting`);
  log(`building (${quick ? 'quick mode' : 'full run'}${only ? `, only ${only.join(', ')}` : ''})`);
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  const bdb = await createBenchDatabase(process.env.DATABASE_URL);
  log(`database: ${bdb.label}`);
  try {
    const generation: Results['generation'] = [];
    const database = await bdb.open();
    log(`generating ${SMALL} products, ${CUSTOMERS} customers, ${SMALL_ORDERS} orders`);
    generation.push(await generate(database.db, { products: SMALL, customers: CUSTOMERS, orders: SMALL_ORDERS }));
    // Products the write path adds to: enough stock that repeated adds are never refused.
    const stockRows = await database.db.execute(
      sql`select id, stock from products where stock >= 200 order by id limit 200`,
    );
    const setup: Setup = {
      before: (stockRows as unknown as { rows: { id: number; stock: number }[] }).rows,
      // Products the order customers buy (disjoint from those), and where the run's own orders start.
      orderStockBefore: await orderProducts(database.db, 100),
      generatedUpTo: await lastOrderId(database.db),
    };
    await database.close();

    const dir = await buildBaselines();
    const productId = setup.before[0]!.id;
    const base = await baselines(bdb, dir, productId);
    const pages = runs('pages')
      ? await pagesSection(bdb, setup, generation, async () => {
          const { row } = await dbBaseline(bdb, dir, productId);
          return { ...row, name: 'baseline Fastify+pg, after the logged-in pages' };
        })
      : undefined;
    const orders = runs('orders')
      ? await ordersAtScale({
          bdb,
          // PGlite runs one query at a time: its quick run stays short at a tenth of the orders.
          steps: quick && bdb.kind === 'pglite' ? [5_000, 50_000] : [50_000, 500_000],
          baseline: async () => (await dbBaseline(bdb, dir, productId)).row,
          startApp: () => startApp(bdb),
          measure,
          log,
        })
      : undefined;

    const results: Results = {
      meta: {
        date: new Date().toISOString(),
        quick,
        only,
        node: process.version,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? '?',
        database: bdb.kind,
        databaseLabel: bdb.label,
        products: SMALL,
        customers: CUSTOMERS,
        orders: SMALL_ORDERS,
        seconds: SECONDS,
        loadBefore,
        loadAfter: loadavg()[0] ?? 0,
      },
      generation,
      baselines: base,
      reads: [],
      slots: [],
      scalingSlots: [],
      ...pages,
      orders,
      targets: [],
    };
    results.targets = checkTargets(results);
    console.log(`\n${formatReport(results)}`);
    const out = join(root, 'bench/results');
    mkdirSync(out, { recursive: true });
    const file = join(out, `${results.meta.date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    const orderGeneration = (orders?.steps ?? []).map(
      (s) => `orders +${s.generated.rows} in ${s.generated.seconds.toFixed(1)} s`,
    );
    console.log(
      `\nGeneration: ${[
        ...generation.map((g) =>
          Object.entries(g)
            .map(([k, v]) => `${k} +${v.rows} in ${v.seconds.toFixed(1)} s`)
            .join(', '),
        ),
        ...orderGeneration,
      ].join('; ')}`,
    );
    console.log(`Results: ${file}`);
  } finally {
    await stopAll();
    await bdb.drop();
  }
}

await main();
