import type { Results } from './results.js';

/** A target next to its measured figure. Misses are reported, never fatal. */
export interface TargetCheck {
  target: string;
  measured: string;
  /** undefined: not applicable in this run (e.g. the startup target on PGlite). */
  pass: boolean | undefined;
}

const KB = 1024;
const fmtKb = (n: number) => `${(n / KB).toFixed(1)} KB`;

/** The performance budget of issue #7 (also in README "Benchmarks"). */
export const TARGETS = {
  pageShareOfDbBaseline: 0.4,
  pageP99Ms: 25,
  jsGzip: 20 * KB,
  cssGzip: 15 * KB,
  htmlGzip: 30 * KB,
  rssMb: 150,
  startupMsPostgres: 1500,
  /** Throughput kept when the data grows 100× (quick mode: 10×). */
  scalingKept: 0.8,
};

export function checkTargets(r: Results): TargetCheck[] {
  const out: TargetCheck[] = [];
  const db = r.baselines.fastifyDb.c32.rps;
  for (const name of ['listing', 'product'] as const) {
    const row = r.reads.find((x) => x.name === name);
    if (!row) continue;
    const share = row.c32.rps / db;
    out.push({
      target: `${name} req/s ≥ ${TARGETS.pageShareOfDbBaseline * 100}% of Fastify+DB (32 conn)`,
      measured: `${(share * 100).toFixed(1)}%`,
      pass: share >= TARGETS.pageShareOfDbBaseline,
    });
    out.push({
      target: `${name} p99 ≤ ${TARGETS.pageP99Ms} ms (32 conn)`,
      measured: `${row.c32.p99} ms`,
      pass: row.c32.p99 <= TARGETS.pageP99Ms,
    });
  }
  const pages = Object.entries(r.weights);
  for (const [kind, limit] of [
    ['js', TARGETS.jsGzip],
    ['css', TARGETS.cssGzip],
    ['html', TARGETS.htmlGzip],
  ] as const) {
    const [page, w] = pages.reduce((a, b) => (b[1][kind].gzip > a[1][kind].gzip ? b : a));
    out.push({
      target: `storefront ${kind.toUpperCase()} ≤ ${fmtKb(limit)} gzip (worst page)`,
      measured: `${fmtKb(w[kind].gzip)} (${page})`,
      pass: w[kind].gzip <= limit,
    });
  }
  out.push({ target: `RSS ≤ ${TARGETS.rssMb} MB under load`, measured: `${r.rss.peakMb.toFixed(0)} MB`, pass: r.rss.peakMb <= TARGETS.rssMb });
  out.push({
    target: `startup ≤ ${TARGETS.startupMsPostgres} ms on PostgreSQL`,
    measured: `${r.startup.ms.toFixed(0)} ms${r.meta.database === 'postgres' ? '' : ' (PGlite: not judged)'}`,
    pass: r.meta.database === 'postgres' ? r.startup.ms <= TARGETS.startupMsPostgres : undefined,
  });
  if (r.scaling) {
    const s = r.scaling;
    out.push({
      target: `listing keeps ≥ ${TARGETS.scalingKept * 100}% req/s at ${s.factor}× data`,
      measured: `${(s.kept * 100).toFixed(1)}%${s.factor < 100 ? ' (quick: 10× only)' : ''}`,
      pass: s.kept >= TARGETS.scalingKept,
    });
  }
  return out;
}

export const mark = (pass: boolean | undefined) => (pass === undefined ? '–' : pass ? '✓ pass' : '✗ miss');
