/**
 * Scale-out (issue 16): the same product page and the same order-submission journey through
 * one app process directly, and through the repo's nginx site file (deploy/nginx/hashcart.conf,
 * started the way the many-processes test starts it: test/cluster.ts) in front of one and of two
 * processes, all in this run and on one PostgreSQL database. PGlite lives inside one process, so
 * the section is skipped there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNginx } from '../test/cluster.js';
import type { Browser } from './browser.js';
import { type Child, freePort } from './child.js';
import type { BenchDatabase } from './database.js';
import { submitOrders } from './order-submit.js';
import type { Row } from './results.js';
import type { SlotResult } from './slots.js';
import { logInCustomers } from './write-path.js';

export interface ScaleOut {
  /** Why nothing was measured (PGlite), else absent. */
  skipped?: string;
  cpus: number;
  product?: {
    path: string;
    direct1: Row;
    nginx1: Row;
    nginx2: Row;
    /** req/s at 32 connections, 2 processes behind nginx / 1 process directly. */
    ratio: number;
  };
  orders?: {
    customers: number;
    direct1: SlotResult;
    nginx2: SlotResult;
    /** orders/s, 2 processes behind nginx / 1 process directly. */
    ratio: number;
  };
}

export interface ScaleOutContext {
  bdb: BenchDatabase;
  cpus: number;
  seconds: number;
  /** The product page the main rows measured. */
  productPath: string;
  /** Orderable products and the payment method of the order journey. */
  productIds: number[];
  paymentMethodId: number;
  /** Customers with no session yet (the main run's writers and submitters come before them). */
  firstCustomer: number;
  customers: number;
  startApp(env: Record<string, string>): Promise<Child>;
  measure(name: string, base: string, path: string): Promise<Row>;
  log(msg: string): void;
}

const portOf = (c: Child) => Number(new URL(c.url).port);

export async function scaleOut(ctx: ScaleOutContext): Promise<ScaleOut> {
  if (ctx.bdb.kind !== 'postgres')
    return {
      cpus: ctx.cpus,
      skipped:
        'PGlite is embedded in one process, so only one app process can use it: run with DATABASE_URL (PostgreSQL)',
    };
  const dir = mkdtempSync(join(tmpdir(), 'hc-bench-nginx-'));
  const nginxPort = await freePort();
  // Configured as the production section says: one proxy hop in front, the shop's address is nginx's.
  const env = { TRUST_PROXY: '1', PUBLIC_URL: `http://127.0.0.1:${nginxPort}` };
  ctx.log('scale-out: starting two app processes');
  const [a, b] = await Promise.all([ctx.startApp(env), ctx.startApp(env)]);
  let nginx: { url: string; stop(): Promise<void> } | undefined;
  try {
    const direct1 = await ctx.measure('product, 1 process', a.url, ctx.productPath);
    ctx.log(`scale-out: logging in ${ctx.customers} customers`);
    const submitters: Browser[] = await logInCustomers(a.url, ctx.customers, ctx.firstCustomer);
    const run = (who: Browser[]) =>
      submitOrders(
        { submitters: who, productIds: ctx.productIds, paymentMethodId: ctx.paymentMethodId, placed: [] },
        ctx.seconds,
      );
    ctx.log('scale-out: order submission, 1 process');
    const orders1 = await run(submitters);

    nginx = await startNginx(join(dir, 'nginx1'), nginxPort, [portOf(a)]);
    const nginx1 = await ctx.measure('product, nginx + 1 process', nginx.url, ctx.productPath);
    await nginx.stop();
    nginx = undefined;

    const front = await startNginx(join(dir, 'nginx2'), nginxPort, [portOf(a), portOf(b)]);
    nginx = front;
    const nginx2 = await ctx.measure('product, nginx + 2 processes', front.url, ctx.productPath);
    ctx.log('scale-out: order submission, nginx + 2 processes');
    // The same sessions (they live in PostgreSQL), now sent through nginx to either process.
    const orders2 = await run(submitters.map((s) => s.at(front.url)));
    const perSecond = (r: SlotResult) => r.figures.ordersPerSecond ?? 0;
    return {
      cpus: ctx.cpus,
      product: {
        path: ctx.productPath,
        direct1,
        nginx1,
        nginx2,
        ratio: direct1.c32.rps > 0 ? nginx2.c32.rps / direct1.c32.rps : 0,
      },
      orders: {
        customers: submitters.length,
        direct1: orders1,
        nginx2: orders2,
        ratio: perSecond(orders1) > 0 ? perSecond(orders2) / perSecond(orders1) : 0,
      },
    };
  } finally {
    await nginx?.stop();
    await Promise.all([a.stop(), b.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
