import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loggedInClient } from '../../../test/browser-client.js';
import { placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { startFileSweep } from '../file-sweep.js';
import { outboxMessages } from '../mail/mail.tables.js';

const TOKEN = 'metrics-token-for-the-tests-0123456789';

describe('/metrics without METRICS_TOKEN', () => {
  it('does not exist', async () => {
    const t = await createTestApp();
    try {
      const res = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('hashcart_');
    } finally {
      await t.close();
    }
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ METRICS_TOKEN: TOKEN });
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    return res.body;
  };
  /** The value of one series (metric name with its labels as printed), or undefined when absent. */
  const value = (body: string, series: string) => {
    const line = body.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it('refuses a missing or wrong token, in any form', async () => {
    for (const authorization of [
      undefined,
      'Bearer',
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      TOKEN,
      `Basic ${TOKEN}`,
    ]) {
      const res = await t.app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(res.statusCode, String(authorization)).toBe(401);
      expect(res.body).not.toContain('hashcart_');
    }
  });

  it('serves the Prometheus text format with every metric the operators watch', async () => {
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers['cache-control']).toBe('no-store');
    for (const name of [
      'hashcart_http_requests_total',
      'hashcart_http_request_duration_seconds',
      'hashcart_db_query_duration_seconds',
      'hashcart_db_pool_connections',
      'hashcart_outbox_unsent',
      'hashcart_outbox_oldest_unsent_seconds',
      'hashcart_live_streams',
      'hashcart_sweep_lag_seconds',
      'hashcart_uploads_in_flight',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(res.body).toContain(`# TYPE ${name} `);
    }
  });

  it('counts requests by route pattern and status, never by raw URL', async () => {
    const healthz = 'hashcart_http_requests_total{method="GET",route="/healthz",status="200"}';
    const before = value(await scrape(), healthz) ?? 0;
    await t.app.inject('/healthz');
    await t.app.inject('/healthz');
    await t.app.inject('/no/such/page-4711');
    const buyer = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(buyer.client, t.db);
    expect((await buyer.client.get(`/orders/${number}`)).statusCode).toBe(200);
    const body = await scrape();
    expect(value(body, healthz)).toBe(before + 2);
    expect(value(body, 'hashcart_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(value(body, 'hashcart_http_requests_total{method="GET",route="/orders/:number",status="200"}')).toBe(1);
    expect(
      value(body, 'hashcart_http_request_duration_seconds_count{method="GET",route="/orders/:number",status="200"}'),
    ).toBe(1);
    expect(body).not.toContain('page-4711');
    expect(body).not.toContain(number);
    if (t.database.kind === 'postgres') {
      expect(value(body, 'hashcart_db_query_duration_seconds_count')).toBeGreaterThan(0);
      expect(value(body, 'hashcart_db_pool_connections{state="total"}')).toBeGreaterThan(0);
    }
  });

  it('reads the outbox backlog and its oldest mail at scrape time', async () => {
    await t.db.update(outboxMessages).set({ sentAt: new Date() });
    expect(value(await scrape(), 'hashcart_outbox_unsent')).toBe(0);
    expect(value(await scrape(), 'hashcart_outbox_oldest_unsent_seconds')).toBe(0);
    await t.db.insert(outboxMessages).values([
      { to: 'a@example.test', subject: 's', body: 'b', createdAt: new Date(Date.now() - 600_000) },
      { to: 'b@example.test', subject: 's', body: 'b' },
    ]);
    const body = await scrape();
    expect(value(body, 'hashcart_outbox_unsent')).toBe(2);
    expect(value(body, 'hashcart_outbox_oldest_unsent_seconds')).toBeGreaterThanOrEqual(600);
    expect(value(body, 'hashcart_outbox_oldest_unsent_seconds')).toBeLessThan(700);
  });

  it('reports how long ago each sweep last succeeded', async () => {
    const metrics = t.app.services.metrics;
    const lag = 'hashcart_sweep_lag_seconds{sweep="files"}';
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      metrics.sweepStarted('files');
      vi.setSystemTime(Date.now() + 90_000);
      expect(value(await scrape(), lag)).toBe(90);
      const stop = startFileSweep(
        t.db,
        t.app.services.storage,
        [],
        () => {},
        5,
        () => metrics.sweepSucceeded('files'),
      );
      try {
        await vi.waitFor(async () => expect(value(await scrape(), lag)).toBeLessThan(5));
      } finally {
        stop();
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts uploads while they are written, and live streams while they are open', async () => {
    const source = new PassThrough();
    const stored = t.app.services.storage.put(source, 'proofs', 'pdf');
    source.write('%PDF-1.4 half');
    expect(value(await scrape(), 'hashcart_uploads_in_flight')).toBe(1);
    source.end(' and the rest');
    await stored;
    expect(value(await scrape(), 'hashcart_uploads_in_flight')).toBe(0);

    const buyer = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(buyer.client, t.db);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const stream = await new Promise<import('node:http').IncomingMessage>((resolve, reject) =>
      request(
        { host: '127.0.0.1', port, path: `/orders/${number}/live`, headers: { cookie: buyer.client.cookieHeader } },
        resolve,
      )
        .on('error', reject)
        .end(),
    );
    expect(stream.statusCode).toBe(200);
    expect(value(await scrape(), 'hashcart_live_streams')).toBe(1);
    stream.resume();
    // Closing the app ends the stream (shutdown), which the counter follows.
  });
});
