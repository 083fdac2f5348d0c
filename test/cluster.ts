import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';

/**
 * The parts of the many-processes topology (README, Production; ADR 0019), started natively:
 * built app processes (`node dist/server.js`), Debian's nginx with the repo's site file, and an
 * SMTP sink that records what the shop delivers. The bench's scale-out section (bench/scale-out.ts)
 * starts its nginx here too.
 */

export const rootDir = join(import.meta.dirname, '..');
export const NGINX = '/usr/sbin/nginx';
export const SITE_FILE = join(rootDir, 'deploy', 'nginx', 'hashcart.conf');

/** Builds dist/ the way `npm start` and the Dockerfile do. */
export function buildDist() {
  execFileSync(process.execPath, [join(rootDir, 'scripts', 'build.mjs')], { cwd: rootDir, stdio: 'inherit' });
}

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls until `check` holds (no fixed sleeps: it returns as soon as the condition is true). */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  ms = 15_000,
) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface AppProcess {
  port: number;
  url: string;
  /** Everything the process wrote (pino JSON lines and the start banner). */
  output: string[];
  /** Request logs of this process for a path (pino's "incoming request" lines). */
  served(method: string, path: string | RegExp): number;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  readonly exited: boolean;
}

/** Starts `node dist/server.js` on a port with the given environment; resolves once it listens. */
export async function startApp(port: number, env: Record<string, string>): Promise<AppProcess> {
  const child: ChildProcess = spawn(process.execPath, [join(rootDir, 'dist', 'server.js')], {
    cwd: rootDir,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let exited = false;
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exited = true;
      resolve(code);
    }),
  );
  let partial = '';
  const collect = (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    output.push(...lines);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  await Promise.race([
    waitFor(() => output.some((l) => l.includes('Hashcart is running')), `app on port ${port}`, 30_000),
    exit.then((code) => {
      throw new Error(`app on port ${port} exited with ${code}:\n${output.join('\n').slice(-3000)}`);
    }),
  ]);
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    output,
    served(method, path) {
      return output.filter((l) => {
        if (!l.includes('incoming request')) return false;
        try {
          const req = (JSON.parse(l) as { req?: { method?: string; url?: string } }).req;
          const url = req?.url?.split('?')[0] ?? '';
          return req?.method === method && (typeof path === 'string' ? url === path : path.test(url));
        } catch {
          return false;
        }
      }).length;
    },
    stop(signal = 'SIGTERM') {
      if (!exited) child.kill(signal);
      return exit;
    },
    get exited() {
      return exited;
    },
  };
}

/**
 * The repo's nginx site file with this run's addresses: the upstream's `server` lines become the
 * given app ports and `listen` the given port; every other line is the recipe as shipped.
 */
export function renderSite(site: string, listenPort: number, appPorts: number[]) {
  const upstream = /(upstream hashcart \{[\s\S]*?)((?:\s*server 127\.0\.0\.1:\d+[^;]*;)+)/;
  if (!upstream.test(site) || !/\n\s*listen 80;/.test(site))
    throw new Error('site file changed shape: update renderSite');
  const options = /server 127\.0\.0\.1:\d+([^;]*);/.exec(site)?.[1] ?? '';
  return site
    .replace(
      upstream,
      (_, head: string) => `${head}${appPorts.map((p) => `\n    server 127.0.0.1:${p}${options};`).join('')}`,
    )
    .replace(/\n(\s*)listen 80;/, `\n$1listen 127.0.0.1:${listenPort};`);
}

export interface Nginx {
  url: string;
  stop(): Promise<void>;
}

/** Runs nginx in the foreground (a child of the test) with everything under `dir`. */
export async function startNginx(dir: string, listenPort: number, appPorts: number[]): Promise<Nginx> {
  mkdirSync(join(dir, 'logs'), { recursive: true });
  writeFileSync(join(dir, 'hashcart.conf'), renderSite(readFileSync(SITE_FILE, 'utf8'), listenPort, appPorts));
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      // As root, nginx's workers would switch to `nobody`, who cannot use this private temp dir.
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      `error_log ${join(dir, 'logs', 'error.log')} warn;`,
      'events { worker_connections 512; }',
      'http {',
      `  access_log ${join(dir, 'logs', 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, `${t}_temp`)};`),
      `  include ${join(dir, 'hashcart.conf')};`,
      '}',
    ].join('\n'),
  );
  const child = spawn(
    NGINX,
    [
      '-p',
      dir,
      '-e',
      join(dir, 'logs', 'error.log'),
      '-c',
      join(dir, 'nginx.conf'),
      '-g',
      `daemon off; pid ${join(dir, 'nginx.pid')};`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = `http://127.0.0.1:${listenPort}`;
  await Promise.race([
    waitFor(
      () =>
        fetch(`${url}/`).then(
          (r) => r.status < 500,
          () => false,
        ),
      'nginx',
    ),
    exit.then((code) => {
      throw new Error(`nginx exited with ${code}: ${stderr}`);
    }),
  ]);
  return {
    url,
    stop: async () => {
      child.kill('SIGQUIT');
      await exit;
    },
  };
}

export interface SentMail {
  to: string;
  subject: string;
}

/** A minimal SMTP server on loopback that accepts every message and records recipient and subject. */
export async function startSmtpSink() {
  const received: SentMail[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = '';
    let inData = false;
    let to = '';
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          const subject = /^subject: (.*(?:\r\n[ \t].*)*)/im.exec(message)?.[1]?.replace(/\r\n[ \t]/g, ' ') ?? '';
          received.push({ to, subject });
          socket.write('250 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 sink\r\n');
        else if (verb === 'RCPT') {
          to = /<([^>]*)>/.exec(line)?.[1] ?? '';
          socket.write('250 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        } else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface HttpResponse {
  status: number;
  location: string | null;
  body: string;
}

/**
 * A browser over real HTTP (through nginx or straight to one process): keeps its cookies and
 * the CSRF token of the last page, like test/browser-client.ts does over inject().
 */
export class HttpClient {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(
    public base: string,
    private headers: Record<string, string> = {},
  ) {}

  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(
    method: string,
    path: string,
    init: { body?: string | Uint8Array; headers?: Record<string, string>; base?: string } = {},
  ) {
    const res = await fetch(`${init.base ?? this.base}${path}`, {
      method,
      redirect: 'manual',
      body: init.body,
      headers: { ...this.headers, cookie: this.cookieHeader, ...init.headers },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1).trim());
    }
    const body = await res.text();
    const m =
      /name="_csrf" value="([^"]+)"/.exec(body) ?? /"x-csrf-token":"([^"]+)"/.exec(body.replaceAll('&#34;', '"'));
    if (m?.[1]) this.csrf = m[1];
    return { status: res.status, location: res.headers.get('location'), body } satisfies HttpResponse;
  }

  get(path: string, base?: string) {
    return this.request('GET', path, { base });
  }

  async post(path: string, form: Record<string, string | number> = {}, base?: string) {
    if (!this.csrf) await this.get('/login', base);
    const body = new URLSearchParams({
      _csrf: this.csrf,
      ...Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)])),
    });
    return this.request('POST', path, {
      base,
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** Opens a server-sent events stream and counts its `changed` events. */
  async events(path: string, base?: string) {
    const abort = new AbortController();
    const res = await fetch(`${base ?? this.base}${path}`, {
      headers: { ...this.headers, cookie: this.cookieHeader, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    if (res.status !== 200 || !res.body) throw new Error(`event stream refused: ${res.status}`);
    const stream = { changed: 0, contentType: res.headers.get('content-type'), close: () => abort.abort() };
    const reader = res.body.getReader();
    void (async () => {
      const decoder = new TextDecoder();
      let text = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          text += decoder.decode(value, { stream: true });
          const blocks = text.split('\n\n');
          text = blocks.pop() ?? '';
          stream.changed += blocks.filter((b) => b.split('\n').includes('event: changed')).length;
        }
      } catch {
        // aborted
      }
    })();
    return stream;
  }
}
