/**
 * Bench data generator: a realistic catalog of any size, derived from the demo
 * catalog, and customers who can log in. Reusable on its own:
 *
 *   DATABASE_URL=postgres://… npx tsx bench/generate.ts --products 10000 --customers 1000 --orders 5000
 *   DATA_DIR=/tmp/hc npx tsx bench/generate.ts --products 1000
 */
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../src/modules/accounts/index.js';
import { demoNetworkFigures, demoProducts } from '../src/modules/catalog/demo/demo-products.js';
import type { ProductInput } from '../src/modules/catalog/index.js';
import { type Db, openDatabase } from '../src/platform/db/client.js';
import { networkFigures, products, users } from '../src/platform/db/schema.js';
import { generateOrders } from './generate-orders.js';

export const BENCH_PASSWORD = 'bench-password-2026';
export const customerEmail = (i: number) => `customer${i}@bench.hashcart.test`;
const BATCH = 1000;
const EPOCH = Date.UTC(2025, 0, 1);

/** What the generators are asked to reach; each one tops its own table up to its target. */
export interface GenerateTargets {
  products: number;
  customers: number;
  /** All orders, the app's own included (bench/generate-orders.ts). */
  orders: number;
}

/**
 * One table family each. The list is the extension point: the orders module adds
 * `{ name: 'orders', run }` here (orders need customers and products, so it goes last).
 */
export interface Generator {
  name: string;
  run(db: Db, targets: GenerateTargets): Promise<number>;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same catalog. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const conditions = ['New, bulk lot', 'New, EU stock', 'New, US stock', 'Refurbished', 'Used, grade A', 'Used, grade B'];

/** Product number i (0-based): the demo products first, then lots of them in other conditions. */
export function productVariant(i: number): ProductInput {
  const base = demoProducts[i % demoProducts.length]!;
  const lot = Math.floor(i / demoProducts.length);
  if (lot === 0) return base;
  const rnd = random(i);
  const condition = conditions[lot % conditions.length]!;
  const used = condition.startsWith('Used') || condition === 'Refurbished';
  const factor = (used ? 0.55 : 0.9) + rnd() * 0.2;
  return {
    ...base,
    slug: `${base.slug}-lot-${lot}`,
    sku: `${base.sku}-L${lot}`,
    name: `${base.name} (${condition}, lot ${lot})`,
    priceCents: Math.max(100, Math.round((base.priceCents * factor) / 100) * 100),
    stock: rnd() < 0.15 ? 0 : Math.floor(rnd() * 400),
    backorderAllowed: rnd() < 0.2,
    hashrate: base.hashrate == null ? base.hashrate : Math.round(base.hashrate * (used ? 0.95 : 1) * 10) / 10,
    warrantyDays: used ? 90 : base.warrantyDays,
    featured: false,
  };
}

async function count(db: Db, table: typeof products | typeof users): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row?.n ?? 0;
}

const productGenerator: Generator = {
  name: 'products',
  async run(db, { products: target }) {
    const have = await count(db, products);
    for (let start = have; start < target; start += BATCH) {
      const rows = [];
      // A minute apart from a fixed date: the same catalog every run, later lots newer.
      for (let i = start; i < Math.min(start + BATCH, target); i++) {
        rows.push({ ...productVariant(i), createdAt: new Date(EPOCH + i * 60_000) });
      }
      await db.insert(products).values(rows);
    }
    await db.insert(networkFigures).values(demoNetworkFigures).onConflictDoNothing();
    return Math.max(0, target - have);
  },
};

const customerGenerator: Generator = {
  name: 'customers',
  async run(db, { customers: target }) {
    const existing = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(sql`email like '%@bench.hashcart.test'`);
    const have = existing[0]?.n ?? 0;
    if (have >= target) return 0;
    // One argon2 hash for everyone: hashing costs ~50 ms and 19 MiB each, by design.
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    for (let start = have; start < target; start += BATCH) {
      const rows = [];
      for (let i = start; i < Math.min(start + BATCH, target); i++) {
        rows.push({
          email: customerEmail(i),
          fullName: `Bench Customer ${i}`,
          passwordHash,
          role: 'customer' as const,
        });
      }
      await db.insert(users).values(rows).onConflictDoNothing({ target: users.email });
    }
    return target - have;
  },
};

/** Run in order; later generators may rely on earlier ones' rows. */
export const generators: Generator[] = [
  productGenerator,
  customerGenerator,
  { name: 'orders', run: (db, t) => generateOrders(db, t.orders) },
];

/** Tops every table up to its target; returns rows added and seconds taken per generator. */
export async function generate(db: Db, targets: GenerateTargets) {
  const report: Record<string, { rows: number; seconds: number }> = {};
  for (const g of generators) {
    const t0 = performance.now();
    const rows = await g.run(db, targets);
    report[g.name] = { rows, seconds: (performance.now() - t0) / 1000 };
  }
  // The steady state autovacuum gives a long-running database: fresh statistics, and a
  // visibility map so index-only scans work (right after a bulk load they fetch every heap row).
  await db.execute(sql`vacuum analyze`);
  return report;
}

function argNumber(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} wants a whole number`);
  return v;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.DATABASE_URL;
  const database = await openDatabase(
    url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: process.env.DATA_DIR ?? './data' },
  );
  try {
    const report = await generate(database.db, {
      products: argNumber('products', 1000),
      customers: argNumber('customers', 1000),
      orders: argNumber('orders', 5000),
    });
    console.log(report);
  } finally {
    await database.close();
  }
}
