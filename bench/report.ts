import type { Measure } from './load.js';
import type { OrdersScale } from './orders-scale.js';
import type { Results, Row } from './results.js';
import type { ScaleOut } from './scale-out.js';
import type { SlotResult } from './slots.js';
import { mark } from './targets.js';

/** Left-aligned first column, right-aligned numbers. */
function table(head: string[], rows: string[][]): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const n0 = (n: number) => Math.round(n).toLocaleString('en-US');
/** autocannon records whole milliseconds. */
const ms = (n: number) => (n < 1 ? '<1' : n.toFixed(0));
const pct = (a: number, b: number) => (b > 0 ? `${((a / b) * 100).toFixed(0)}%` : '–');
const times = (a: number, b: number) => (b > 0 ? `×${(a / b).toFixed(1)}` : '–');
const ratio = (a: number, b: number) => (b > 0 ? `×${(a / b).toFixed(2)}` : '–');
const kb = (n: number) => `${(n / 1024).toFixed(1)}`;

function loadRows(rows: Row[], key: 'c32' | 'c1', hello: Measure, db: Measure): string[][] {
  return rows.map((r) => {
    const m = r[key];
    return [
      r.name,
      n0(m.rps),
      pct(m.rps, hello.rps),
      pct(m.rps, db.rps),
      ms(m.p50),
      ms(m.p99),
      times(m.p99, db.p99),
      String(m.errors),
      String(m.non2xx),
    ];
  });
}

export function formatReport(r: Results): string {
  const { hello, fastifyDb } = r.baselines;
  const after = r.fastifyDbAfterPages;
  const rows = [hello, fastifyDb, ...r.reads, ...(after ? [after] : [])];
  const head = ['page', 'req/s', '%hello', '%db', 'p50 ms', 'p99 ms', 'p99 ×db', 'errors', 'non-2xx'];
  const out: string[] = [];
  const m = r.meta;
  out.push(
    `Hashcart bench ${m.date}${m.quick ? ' (quick)' : ''}: node ${m.node}, ${m.cpus} CPU (${m.cpuModel})`,
    `Database: ${m.databaseLabel}`,
    `Data: ${n0(m.products)} products, ${n0(m.customers)} customers, ${n0(m.orders ?? 0)} orders. Load: autocannon ${m.seconds} s per row, from this process (latency in whole ms).`,
    ...(m.loadBefore > m.cpus / 2
      ? [
          `WARNING: the machine was busy (load average ${m.loadBefore.toFixed(1)} before, ${m.loadAfter.toFixed(1)} after, on ${m.cpus} CPUs): figures are skewed.`,
        ]
      : [
          `Load average ${m.loadBefore.toFixed(1)} before, ${m.loadAfter.toFixed(1)} after (${m.cpus} CPUs; the bench itself keeps about 3 busy).`,
        ]),
    '%hello / %db: req/s as a share of the bare node:http server / the bare Fastify route with one primary-key SELECT.',
    ...(after
      ? [
          `The logged-in pages' targets use the mean of the Fastify+pg baseline before them and after them (${Math.round(fastifyDb.c32.rps)} and ${Math.round(after.c32.rps)} req/s): this machine's speed drifts between the two.`,
        ]
      : []),
    '',
    `Throughput, 32 connections`,
    table(head, loadRows(rows, 'c32', hello.c32, fastifyDb.c32)),
    '',
    `Latency, 1 connection`,
    table(head, loadRows(rows, 'c1', hello.c1, fastifyDb.c1)),
    '',
  );
  for (const row of rows) out.push(`  ${row.name.padEnd(18)} ${row.path}`);

  if (r.write && r.startup && r.rss && r.weights) out.push(...pagesLines(r, r.write, r.startup, r.rss, r.weights));

  if (r.scaling) {
    const s = r.scaling;
    out.push(
      '',
      `Scaling: same listing URL at ${n0(s.small.products)} vs ${n0(s.large.products)} products (32 connections)`,
      table(
        ['', 'req/s small', 'req/s large', 'large/small', '%db large', 'p99 small', 'p99 large'],
        [
          [
            'listing page 5',
            n0(s.small.listing.rps),
            n0(s.large.listing.rps),
            pct(s.large.listing.rps, s.small.listing.rps),
            pct(s.large.listing.rps, fastifyDb.c32.rps),
            ms(s.small.listing.p99),
            ms(s.large.listing.p99),
          ],
        ],
      ),
      `  startup with ${n0(s.large.products)} products: ${n0(s.large.startupMs)} ms`,
    );
  }
  for (const s of r.scalingSlots) out.push(`  ${s.name.padEnd(26)} ${s.result?.summary ?? s.status} (${s.probe})`);

  if (r.scaleOut) out.push('', ...scaleOutLines(r.scaleOut, fastifyDb.c32));
  if (r.orders) out.push('', ...ordersLines(r.orders));

  out.push(
    '',
    'Targets',
    table(
      ['target', 'measured', ''],
      r.targets.map((t) => [t.target, t.measured, mark(t.pass)]),
    ),
  );
  if (r.scaleOut) out.push('', scaleOutRatio(r.scaleOut));
  return out.join('\n');
}

function scaleOutLines(s: ScaleOut, db: Measure): string[] {
  if (!s.product || !s.orders)
    return [`Scale-out (nginx + 2 processes vs 1 process): skipped, ${s.skipped ?? 'not measured'}`];
  const p = s.product;
  const o = s.orders;
  const rps = (x: SlotResult) => x.figures.ordersPerSecond ?? 0;
  return [
    `Scale-out: product page ${p.path} and order submission, 1 app process directly vs the repo's nginx site file in front of 1 and 2 processes, one PostgreSQL`,
    table(
      ['product page', 'req/s', '×1 process', '%db', 'p50 ms', 'p99 ms', 'p99 1 conn', 'errors', 'non-2xx'],
      [p.direct1, p.nginx1, p.nginx2].map((row) => [
        row.name,
        n0(row.c32.rps),
        times(row.c32.rps, p.direct1.c32.rps),
        pct(row.c32.rps, db.rps),
        ms(row.c32.p50),
        ms(row.c32.p99),
        ms(row.c1.p99),
        String(row.c32.errors),
        String(row.c32.non2xx),
      ]),
    ),
    '',
    table(
      [`order submission (${o.customers} customers)`, 'orders/s', '×1 process', 'p50 ms', 'p99 ms', 'errors'],
      (
        [
          ['1 process', o.direct1],
          ['nginx + 2 processes', o.nginx2],
        ] as const
      ).map(([name, res]) => [
        name,
        n0(rps(res)),
        times(rps(res), rps(o.direct1)),
        String(res.figures.p50Ms ?? ''),
        String(res.figures.p99Ms ?? ''),
        String(res.figures.errors ?? ''),
      ]),
    ),
    `  ${scaleOutRatio(s)}`,
    `  Note: this machine has ${s.cpus} CPU${s.cpus === 1 ? '' : 's'}, shared by the load generator (this process), nginx, both app processes and PostgreSQL,`,
    '  so a second process gets no core of its own here: the ratio shows what nginx costs and that nothing breaks, not the gain of a second machine.',
  ];
}

/** The closing line: throughput of nginx + 2 processes against 1 process, measured in this run. */
function scaleOutRatio(s: ScaleOut): string {
  if (!s.product || !s.orders) return `Scale-out ratio: not measured (${s.skipped ?? '?'}).`;
  return `Scale-out ratio, nginx + 2 processes / 1 process (${s.cpus} CPUs shared with the load generator): product page ${ratio(s.product.nginx2.c32.rps, s.product.direct1.c32.rps)}, order submission ${ratio(s.orders.nginx2.figures.ordersPerSecond ?? 0, s.orders.direct1.figures.ordersPerSecond ?? 0)}.`;
}

/** The write path, the slots, process figures and page weights: the pages section's own parts. */
function pagesLines(
  r: Results,
  w: NonNullable<Results['write']>,
  startup: { ms: number },
  rss: NonNullable<Results['rss']>,
  weights: NonNullable<Results['weights']>,
): string[] {
  const { fastifyDb } = r.baselines;
  const out: string[] = [];
  out.push(
    '',
    `Write path: ${w.customers} customers, each with its own session and CSRF token, POST /cart/items (expect 303)`,
    table(
      ['', 'adds/s', '%db', 'p50 ms', 'p99 ms', 'p99 ×db', 'errors', 'stock unchanged', 'cart units = adds'],
      [
        [
          'add to cart',
          n0(w.addsPerSecond),
          pct(w.addsPerSecond, fastifyDb.c32.rps),
          ms(w.p50),
          ms(w.p99),
          times(w.p99, fastifyDb.c32.p99),
          String(w.errors),
          w.stockUnchanged ? 'yes' : 'NO',
          w.cartUnitsMatch ? 'yes' : 'NO',
        ],
      ],
    ),
  );
  if (w.errors) out.push(`  statuses: ${JSON.stringify(w.statuses)}`);
  for (const s of r.slots) out.push(`  ${s.name.padEnd(26)} ${s.result?.summary ?? s.status} (${s.probe})`);

  out.push(
    '',
    'Process',
    table(
      ['', 'app', 'Fastify+DB', 'ratio'],
      [
        [
          'startup to first 200 (ms)',
          n0(startup.ms),
          n0(r.baselines.fastifyDbStartupMs),
          times(startup.ms, r.baselines.fastifyDbStartupMs),
        ],
        ['RSS idle (MB)', n0(rss.idleMb), '', ''],
        [
          'RSS peak under load (MB)',
          n0(rss.peakMb),
          n0(r.baselines.fastifyDbRssMb),
          times(rss.peakMb, r.baselines.fastifyDbRssMb),
        ],
      ],
    ),
    ...(rss.byPhase
      ? [
          `RSS peak by phase (MB): ${Object.entries(rss.byPhase)
            .map(([phase, mb]) => `${phase} ${n0(mb)}`)
            .join(', ')}`,
        ]
      : []),
    '',
    'Page weight, KB raw / gzip (first visit: HTML + linked CSS + JS; the app sends them uncompressed)',
    table(
      ['page', 'HTML', 'HTML gz', 'CSS', 'CSS gz', 'JS', 'JS gz'],
      Object.entries(weights).map(([name, p]) => [
        name,
        kb(p.html.raw),
        kb(p.html.gzip),
        kb(p.css.raw),
        kb(p.css.gzip),
        kb(p.js.raw),
        kb(p.js.gzip),
      ]),
    ),
  );

  return out;
}

/** Each step's rows beside the Fastify+DB baseline measured just before them; the same rows across steps. */
function ordersLines(o: OrdersScale): string[] {
  const out = [
    `Orders at scale (issues 15, 17, 18): order book topped up in SQL to ${o.steps.map((s) => n0(s.orders)).join(', then ')} orders; each step measures its own Fastify+DB baseline just before the app`,
  ];
  const head = ['', 'req/s', '%db', 'p50 ms', 'p99 ms', 'p99 ×db', 'p99 1 conn', 'errors', 'non-2xx'];
  for (const step of o.steps) {
    const db = step.baseline.c32;
    out.push(
      '',
      table(
        [`${n0(step.orders)} orders`, ...head.slice(1)],
        [step.baseline, ...step.rows].map((row) => [
          row.name,
          n0(row.c32.rps),
          pct(row.c32.rps, db.rps),
          ms(row.c32.p50),
          ms(row.c32.p99),
          times(row.c32.p99, db.p99),
          ms(row.c1.p99),
          String(row.c32.errors),
          String(row.c32.non2xx),
        ]),
      ),
    );
  }
  const last = o.steps.at(-1);
  for (const row of last?.rows ?? []) out.push(`  ${row.name.padEnd(48)} ${row.path}`);
  return out;
}
