import { createHash, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.js';
import type { EventBus } from '../events.js';
import { outboxMessages } from '../mail/index.js';
import type { Storage } from '../storage.js';
import { liveStreamCount } from './live-stream.js';

export type SweepName = 'orders' | 'after-sales' | 'files' | 'idempotency-keys';

export interface AppMetrics {
  registry: Registry;
  /** Collects every metric now (database figures read once per scrape) in Prometheus text format. */
  scrape(): Promise<string>;
  /** The same storage, counting the uploads being written (`hashcart_uploads_in_flight`). */
  instrumentStorage(storage: Storage): Storage;
  /** A sweep's timer started: its lag counts from now until its first success. */
  sweepStarted(name: SweepName): void;
  sweepSucceeded(name: SweepName): void;
}

/** Figures read from the database at scrape time give up after this long (the scrape still answers). */
const COLLECT_TIMEOUT_MS = 1_000;

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * This app's Prometheus metrics (ADR 0025), in a registry of its own (tests run several apps in
 * one process). Request count and duration are labelled with the route's pattern
 * (`/orders/:number`), never the raw URL, so label values stay few.
 */
export function createMetrics(opts: { database: Database; bus: EventBus; log?: (err: unknown) => void }): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const { database, bus } = opts;

  new Counter({
    name: 'hashcart_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  new Histogram({
    name: 'hashcart_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const queryTime = new Histogram({
    name: 'hashcart_db_query_duration_seconds',
    help: 'Time of each database statement (PostgreSQL)',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [registry],
  });
  database.queries.observe = (seconds) => queryTime.observe(seconds);

  new Gauge({
    name: 'hashcart_db_pool_connections',
    help: 'Database pool: connections open (total), idle, and requests waiting for one (PostgreSQL)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = database.pool?.();
      if (!pool) return;
      this.set({ state: 'total' }, pool.total);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    },
  });

  // One query per scrape for both outbox figures, shared by the two gauges.
  let outbox: Promise<{ backlog: number; oldest: number } | undefined> | undefined;
  const readOutbox = () => {
    outbox ??= within(
      COLLECT_TIMEOUT_MS,
      database.db.execute(sql`
        select count(*)::int as backlog,
               coalesce(extract(epoch from now() - min(${outboxMessages.createdAt})), 0)::float8 as oldest
          from ${outboxMessages} where ${outboxMessages.sentAt} is null`),
    )
      .then((r) => {
        const row = (r as unknown as { rows: { backlog: number; oldest: number }[] }).rows[0];
        return row && { backlog: Number(row.backlog), oldest: Number(row.oldest) };
      })
      .catch((err) => {
        opts.log?.(err);
        return undefined;
      });
    return outbox;
  };
  new Gauge({
    name: 'hashcart_outbox_unsent',
    help: 'Mails in the outbox not sent yet (without SMTP_URL the outbox is the mailbox: all of them)',
    registers: [registry],
    async collect() {
      const o = await readOutbox();
      if (o) this.set(o.backlog);
    },
  });
  new Gauge({
    name: 'hashcart_outbox_oldest_unsent_seconds',
    help: 'Age of the oldest mail not sent yet (0 when none)',
    registers: [registry],
    async collect() {
      const o = await readOutbox();
      if (o) this.set(o.oldest);
    },
  });

  new Gauge({
    name: 'hashcart_live_streams',
    help: 'Live-update streams (server-sent events) open on this process',
    registers: [registry],
    collect() {
      this.set(liveStreamCount(bus));
    },
  });

  const lastSuccess = new Map<SweepName, number>();
  new Gauge({
    name: 'hashcart_sweep_lag_seconds',
    help: "Time since a sweep's last successful run (since its start before the first)",
    labelNames: ['sweep'],
    registers: [registry],
    collect() {
      const now = Date.now();
      for (const [sweep, at] of lastSuccess) this.set({ sweep }, (now - at) / 1000);
    },
  });

  const uploads = new Gauge({
    name: 'hashcart_uploads_in_flight',
    help: 'Files being streamed to storage right now',
    registers: [registry],
  });

  return {
    registry,
    scrape() {
      outbox = undefined;
      return registry.metrics();
    },
    instrumentStorage(storage) {
      return {
        ...storage,
        async put(...args) {
          uploads.inc();
          try {
            return await storage.put(...args);
          } finally {
            uploads.dec();
          }
        },
      };
    },
    sweepStarted: (name) => void lastSuccess.set(name, Date.now()),
    sweepSucceeded: (name) => void lastSuccess.set(name, Date.now()),
  };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Times every request, and serves `/metrics` to holders of METRICS_TOKEN (`Authorization: Bearer …`,
 * compared in constant time). Without a token configured the route does not exist (404).
 */
export function registerMetrics(app: FastifyInstance, metrics: AppMetrics, token: string | undefined) {
  const requests = metrics.registry.getSingleMetric('hashcart_http_requests_total') as Counter;
  const duration = metrics.registry.getSingleMetric('hashcart_http_request_duration_seconds') as Histogram;
  // One pair of label children per method, route pattern and status (a bounded set): prom-client
  // otherwise hashes the labels on every call, twice a request (#18).
  const children = new Map<string, { count: { inc(): void }; time: { observe(seconds: number): void } }>();
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const key = `${req.method} ${reply.statusCode} ${route}`;
    let child = children.get(key);
    if (!child) {
      const labels = { method: req.method, route, status: String(reply.statusCode) };
      child = { count: requests.labels(labels), time: duration.labels(labels) };
      children.set(key, child);
    }
    child.count.inc();
    child.time.observe(reply.elapsedTime / 1000);
  });
  if (!token) return;
  const expected = digest(`Bearer ${token}`);
  app.get('/metrics', async (req, reply) => {
    const given = digest(req.headers.authorization ?? '');
    if (!timingSafeEqual(given, expected)) {
      return reply.code(401).header('www-authenticate', 'Bearer').header('cache-control', 'no-store').send();
    }
    return reply
      .type(metrics.registry.contentType)
      .header('cache-control', 'no-store')
      .send(await metrics.scrape());
  });
}
