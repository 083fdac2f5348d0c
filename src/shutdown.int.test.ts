import { type IncomingMessage, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { loggedInClient } from '../test/browser-client.js';
import { placeOrder } from '../test/orders.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { shutdown } from './shutdown.js';

/** A request over a real socket; resolves with the response once its headers arrive. */
function send(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<IncomingMessage>((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers, agent: false }, resolve).on('error', reject).end();
  });
}

async function bodyOf(res: IncomingMessage) {
  let text = '';
  for await (const chunk of res) text += chunk;
  return text;
}

/** An app listening on a random loopback port, with a route that answers when the test says so. */
async function listeningApp() {
  const t = await createTestApp();
  let entered = () => {};
  const inFlight = new Promise<void>((r) => {
    entered = r;
  });
  let release = () => {};
  const released = new Promise<void>((r) => {
    release = r;
  });
  t.app.get('/test/slow', async () => {
    entered();
    await released;
    return { done: true };
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (t.app.server.address() as AddressInfo).port;
  return { t, port, inFlight, release };
}

describe('graceful shutdown', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('stops accepting, finishes the request in flight, ends live streams, then closes', async () => {
    const s = await listeningApp();
    t = s.t;
    const buyer = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(buyer.client, t.db);

    const stream = await send(s.port, `/orders/${number}/live`, { cookie: buyer.client.cookieHeader });
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    const streamEnded = bodyOf(stream);

    const slow = send(s.port, '/test/slow');
    await s.inFlight;

    const code = shutdown(t.app, 5_000);
    // The live stream ends while the slow request is still running: its browser reconnects elsewhere.
    expect(await streamEnded).toContain('retry: 3000');
    // No new connections.
    await expect(send(s.port, '/healthz')).rejects.toThrow(/ECONNREFUSED/);

    s.release();
    const res = await slow;
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(await bodyOf(res))).toEqual({ done: true });
    expect(await code).toBe(0);
  });

  it('gives up after its timeout when a request does not finish', async () => {
    const s = await listeningApp();
    const slow = send(s.port, '/test/slow');
    await s.inFlight;
    try {
      expect(await shutdown(s.t.app, 100)).toBe(1);
    } finally {
      s.release();
      await (await slow).resume();
      await s.t.close();
    }
  });
});
