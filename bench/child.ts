import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * The Node flags the app runs with in production (`npm start`, the Dockerfile; ADR 0042): the bench
 * measures the app as it ships.
 */
export const APP_NODE_FLAGS = ['--max-semi-space-size=16'];

/** A server under test, in its own process, with its memory sampled every 100 ms. */
export interface Child {
  name: string;
  url: string;
  proc: ChildProcess;
  /** Spawn to first 200 on the health path, in ms. */
  startupMs: number;
  rss: { samples: number[]; peakMb: number };
  /** Highest RSS seen since the last call (or since start). */
  takePeakMb(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** VmRSS of a process in MB (Linux /proc); undefined once it has gone or elsewhere. */
export function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Children still running, so a failed run does not leave servers behind. */
const running = new Set<Child>();
export async function stopAll() {
  await Promise.all([...running].map((c) => c.stop()));
}

export async function startChild(opts: {
  name: string;
  args: string[];
  env: Record<string, string>;
  port: number;
  healthPath: string;
  timeoutMs?: number;
}): Promise<Child> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, opts.args, {
    env: { ...process.env, ...opts.env, PORT: String(opts.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  let exited = false;
  proc.on('exit', () => {
    exited = true;
  });

  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  let startupMs = 0;
  for (;;) {
    if (exited) throw new Error(`${opts.name} exited before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`${opts.name} not ready after ${opts.timeoutMs ?? 60_000} ms:\n${output}`);
    }
    try {
      const res = await fetch(url + opts.healthPath);
      await res.arrayBuffer();
      if (res.status === 200) {
        startupMs = performance.now() - t0;
        break;
      }
    } catch {
      // not listening yet
    }
    await sleep(5);
  }

  const rss = { samples: [] as number[], peakMb: 0 };
  let windowPeak = 0;
  const sample = () => {
    const mb = proc.pid ? rssMb(proc.pid) : undefined;
    if (mb === undefined) return;
    rss.samples.push(mb);
    rss.peakMb = Math.max(rss.peakMb, mb);
    windowPeak = Math.max(windowPeak, mb);
  };
  sample();
  const timer = setInterval(sample, 100);

  const child: Child = {
    name: opts.name,
    url,
    proc,
    startupMs,
    rss,
    takePeakMb() {
      sample();
      const peak = windowPeak;
      windowPeak = 0;
      return peak;
    },
    async stop() {
      running.delete(child);
      clearInterval(timer);
      if (exited) return;
      const gone = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      const force = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(force);
    },
  };
  running.add(child);
  return child;
}
