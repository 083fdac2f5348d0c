import autocannon from 'autocannon';

/** One load measurement, the unit every table row is made of. */
export interface Measure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

/** One set of headers for every request, or a list taken in turn, request by request (e.g. one API token each). */
export type Headers = Record<string, string> | Record<string, string>[];

export interface LoadOptions {
  connections: number;
  seconds: number;
  headers?: Headers;
}

/** autocannon's request options for `headers`: a list goes round robin over every connection's requests. */
function requestHeaders(headers: Headers | undefined) {
  if (!Array.isArray(headers)) return { headers };
  let next = 0;
  const sets = headers;
  return {
    requests: [
      {
        setupRequest: (req: autocannon.Request) => ({
          ...req,
          headers: { ...req.headers, ...sets[next++ % sets.length] },
        }),
      },
    ],
  };
}

/** autocannon against one URL; errors are connection errors and timeouts, non2xx counts 1xx/3xx/4xx/5xx answers. */
export async function load(url: string, opts: LoadOptions): Promise<Measure> {
  const r = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.seconds,
    ...requestHeaders(opts.headers),
    timeout: 10,
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
}

/** Short untimed load so the JIT, the pool and the database caches are warm before measuring. */
export async function warm(url: string, seconds: number, headers?: Headers) {
  await load(url, { connections: 8, seconds, headers });
}

/** Nearest-rank percentile of raw latencies (ms). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
