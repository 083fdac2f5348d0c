import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_NODE_FLAGS } from '../bench/child.js';
import { NGINX, renderSite, SITE_FILE } from '../test/cluster.js';

const site = readFileSync(SITE_FILE, 'utf8');
/** The directives of a location block (or of the server block for `server`). */
const block = (text: string, start: string) => {
  const from = text.indexOf(start);
  expect(from, start).toBeGreaterThan(-1);
  return text.slice(from, text.indexOf('}', from));
};

describe('the nginx site file (deploy/nginx/hashcart.conf)', () => {
  it('has what several app processes behind it need', () => {
    expect(site).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    expect(site).toMatch(/client_max_body_size 1100m;/);
    expect(site).toMatch(/proxy_request_buffering off;/);
    expect(site).toMatch(/proxy_next_upstream error timeout http_502 http_503 http_504;/);
    expect(site).not.toMatch(/non_idempotent/);
    const live = block(site, 'location ~ ^/(orders|after-sales)/[^/]+/live$');
    expect(live).toMatch(/proxy_buffering off;/);
    expect(live).toMatch(/proxy_read_timeout 1h;/);
    // Every live-page route of the app falls under that location.
    const pattern = new RegExp(/location ~ (\S+) \{/.exec(live)![1]!);
    const routes = ['modules/orders/order.routes.tsx', 'modules/after-sales/case.routes.tsx'].flatMap((f) => [
      ...readFileSync(join(import.meta.dirname, f), 'utf8').matchAll(/'(\/[\w/:-]+\/live)'/g),
    ]);
    expect(routes).toHaveLength(2);
    for (const [, route] of routes) expect(route!.replace(/:\w+/g, 'X-1')).toMatch(pattern);
  });

  it('renders with other ports and nothing else changed', () => {
    const rendered = renderSite(site, 8089, [4001, 4002, 4003]);
    expect(rendered.match(/server 127\.0\.0\.1:\d+/g)).toEqual([
      'server 127.0.0.1:4001',
      'server 127.0.0.1:4002',
      'server 127.0.0.1:4003',
    ]);
    expect(rendered).toMatch(/listen 127\.0\.0\.1:8089;/);
    const strip = (s: string) =>
      s
        .split('\n')
        .filter((l) => !/^\s*(server 127\.0\.0\.1|listen)/.test(l))
        .join('\n');
    expect(strip(rendered)).toBe(strip(site));
  });

  it.skipIf(!existsSync(NGINX))('is accepted by nginx -t', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hashcart-nginx-t-'));
    try {
      mkdirSync(join(dir, 'logs'));
      writeFileSync(join(dir, 'site.conf'), renderSite(site, 8089, [4001, 4002]));
      writeFileSync(
        join(dir, 'nginx.conf'),
        `error_log ${join(dir, 'logs', 'error.log')};\nevents {}\nhttp { include ${join(dir, 'site.conf')}; }\n`,
      );
      const out = execFileSync(
        NGINX,
        [
          '-t',
          '-p',
          dir,
          '-e',
          join(dir, 'logs', 'error.log'),
          '-c',
          join(dir, 'nginx.conf'),
          '-g',
          `pid ${join(dir, 'nginx.pid')};`,
        ],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      expect(out).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the Node flags the app ships with (ADR 0042)', () => {
  it('are the same for npm start, the Dockerfile and the bench', () => {
    const root = join(import.meta.dirname, '..');
    const start = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start as string;
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(root, 'Dockerfile'), 'utf8'))![1]!;
    expect(start).toMatch(new RegExp(`node ${APP_NODE_FLAGS.join(' ')} dist/server\\.js$`));
    expect(JSON.parse(cmd)).toEqual(['node', ...APP_NODE_FLAGS, 'dist/server.js']);
  });
});
