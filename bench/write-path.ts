import { Agent, request } from 'node:http';
import { Browser } from './browser.js';
import { BENCH_PASSWORD, customerEmail } from './generate.js';
import { percentile } from './load.js';

export interface WriteResult {
  customers: number;
  adds: number;
  addsPerSecond: number;
  p50: number;
  p99: number;
  /** Answers other than 303, plus connection errors: must be 0. */
  errors: number;
  statuses: Record<string, number>;
}

/** Logs customers in through the login form, a few at a time (each login verifies an argon2 hash). */
export async function logInCustomers(base: string, count: number, first = 0): Promise<Browser[]> {
  const browsers: Browser[] = [];
  for (let i = 0; i < count; i += 8) {
    const batch = Array.from({ length: Math.min(8, count - i) }, () => new Browser(base));
    await Promise.all(batch.map((b, k) => b.login(customerEmail(first + i + k), BENCH_PASSWORD)));
    browsers.push(...batch);
  }
  return browsers;
}

function post(agent: Agent, url: URL, cookie: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          cookie,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Closed loop: every customer (own session cookie, own CSRF token, own keep-alive
 * connection, like a browser) posts "Add to cart" again as soon as the last one answered,
 * cycling through `productIds` from its own starting point.
 */
export async function addToCartLoad(browsers: Browser[], productIds: number[], seconds: number): Promise<WriteResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    browsers.map(async (b, n) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const url = new URL('/cart/items', b.base);
      const cookie = b.cookieHeader;
      for (let i = n * 7; performance.now() < until; i++) {
        const productId = productIds[i % productIds.length]!;
        const body = new URLSearchParams({ productId: String(productId), quantity: '1', _csrf: b.csrf }).toString();
        const start = performance.now();
        try {
          const status = await post(agent, url, cookie, body);
          latencies.push(performance.now() - start);
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status !== 303) errors++;
        } catch {
          errors++;
          statuses.error = (statuses.error ?? 0) + 1;
        }
      }
      agent.destroy();
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const adds = statuses['303'] ?? 0;
  return {
    customers: browsers.length,
    adds,
    addsPerSecond: adds / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    statuses,
  };
}
