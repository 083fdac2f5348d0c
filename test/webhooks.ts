import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { BrowserClient } from './browser-client.js';

/** Adds a webhook endpoint through the admin form (events as repeated fields, as a browser sends them). */
export async function addEndpoint(
  app: FastifyInstance,
  admin: BrowserClient,
  url: string,
  events: readonly string[],
  description = 'ERP',
) {
  await admin.get('/admin/webhooks');
  const form = new URLSearchParams({ _csrf: admin.csrf, url, description });
  for (const e of events) form.append('events', e);
  const res = await app.inject({
    method: 'POST',
    url: '/admin/webhooks',
    remoteAddress: admin.ip,
    payload: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: admin.cookieHeader },
  });
  return { res, secret: /whsec_[A-Za-z0-9+/=]+/.exec(res.body)?.[0] };
}

export interface Received {
  headers: Record<string, string>;
  body: string;
}

/**
 * A webhook receiver on 127.0.0.1: records what it gets and answers `status`. `close` stops
 * it (deliveries then fail with a refused connection); `reopen` listens again on the same port.
 */
export async function startReceiver(status = 204) {
  const received: Received[] = [];
  let server: Server;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          received.push({
            headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
            body: Buffer.concat(chunks).toString('utf8'),
          });
          res.writeHead(receiver.status).end();
        });
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  await listen();
  const receiver = {
    status,
    received,
    get url() {
      return `http://127.0.0.1:${port}/hashcart`;
    },
    close,
    reopen: listen,
  };
  return receiver;
}
