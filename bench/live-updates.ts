/**
 * Live-update latency: opens 2,000 SSE streams (GET /orders/:number/live with the
 * customer's cookie) spread over the 50 orders of the customer who has 50, then sales
 * posts a reply on one watched order ~30 times (a repeatable staff action that publishes
 * the order's change like every transition does) and times, for each watcher of that
 * order, the `event: changed` arrival after the action's 303 answer. Also reports the
 * app's RSS growth for the open streams, and closes them all.
 */
import { Agent, type ClientRequest, request } from 'node:http';
import { rssMb } from './child.js';
import { percentile } from './load.js';
import { journeyOf } from './order-submit.js';
import type { SlotContext, SlotResult } from './slots.js';

const STREAMS = 2_000;
const OPENING = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Stream {
  order: string;
  req: ClientRequest;
  /** Called with the arrival time of every `event: changed`. */
  onChanged?: (at: number) => void;
}

function openStream(agent: Agent, base: string, order: string, cookie: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(`/orders/${order}/live`, base), {
      agent,
      headers: { cookie, accept: 'text/event-stream' },
    });
    const stream: Stream = { order, req };
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`GET /orders/${order}/live answered ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          if (/^event: changed$/m.test(buffer.slice(0, end))) stream.onChanged?.(at);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      });
      res.on('error', () => {});
      resolve(stream);
    });
    req.on('error', reject);
    req.end();
  });
}

export async function liveUpdates(ctx: SlotContext): Promise<SlotResult> {
  const j = journeyOf(ctx);
  const pid = j.app.proc.pid;
  j.peakBeforeStreamsMb = j.app.rss.peakMb;
  const actions = ctx.quick ? 15 : 30;
  await sleep(500);
  const rssBefore = (pid && rssMb(pid)) || 0;
  const agent = new Agent({ keepAlive: false, maxSockets: STREAMS + 100 });
  const cookie = j.watcher.cookieHeader;
  const streams: Stream[] = [];
  const t0 = performance.now();
  try {
    for (let i = 0; i < STREAMS; i += OPENING) {
      const batch = Array.from(
        { length: Math.min(OPENING, STREAMS - i) },
        (_, k) => j.watcherOrders[(i + k) % j.watcherOrders.length]!,
      );
      streams.push(...(await Promise.all(batch.map((order) => openStream(agent, ctx.base, order, cookie)))));
    }
    const openSeconds = (performance.now() - t0) / 1000;
    await sleep(1000);
    const rssOpen = (pid && rssMb(pid)) || 0;

    const watched = j.watcherOrders[0]!;
    const watchers = streams.filter((s) => s.order === watched);
    const fromAnswer: number[] = [];
    const fromRequest: number[] = [];
    let missed = 0;
    let errors = 0;
    for (let a = 0; a < actions; a++) {
      const arrivals: number[] = [];
      const all = new Promise<void>((resolve) => {
        for (const s of watchers) {
          s.onChanged = (at) => {
            arrivals.push(at);
            s.onChanged = undefined;
            if (arrivals.length === watchers.length) resolve();
          };
        }
      });
      const sent = performance.now();
      const res = await j.staff.sales.post(`/admin/orders/${watched}/messages`, {
        body: `Bench update ${a + 1}: your order is being prepared.`,
      });
      const answered = performance.now();
      if (res.status !== 303) errors++;
      await Promise.race([all, sleep(5000)]);
      missed += watchers.length - arrivals.length;
      for (const at of arrivals) {
        // The event may arrive before the 303 is read: that is 0 ms after the answer.
        fromAnswer.push(Math.max(0, at - answered));
        fromRequest.push(at - sent);
      }
      for (const s of watchers) s.onChanged = undefined;
      await sleep(50);
    }
    fromAnswer.sort((x, y) => x - y);
    fromRequest.sort((x, y) => x - y);
    const p50 = Math.round(percentile(fromAnswer, 50));
    const p95 = Math.round(percentile(fromAnswer, 95));
    const reqP95 = Math.round(percentile(fromRequest, 95));
    const growth = rssOpen - rssBefore;
    return {
      summary:
        `${STREAMS} streams open in ${openSeconds.toFixed(1)} s, ${watchers.length} watch the order; ${actions} staff replies: ` +
        `after the answer p50 ${p50} ms p95 ${p95} ms (from the request p95 ${reqP95} ms), ${missed} missed, ${errors} errors; ` +
        `RSS ${rssBefore.toFixed(0)} → ${rssOpen.toFixed(0)} MB (+${growth.toFixed(0)} MB, ${((growth * 1024) / STREAMS).toFixed(1)} KB/stream)`,
      figures: {
        streams: STREAMS,
        watchers: watchers.length,
        actions,
        p50Ms: p50,
        p95Ms: p95,
        fromRequestP95Ms: reqP95,
        missed,
        errors,
        rssBeforeMb: rssBefore,
        rssOpenMb: rssOpen,
        rssGrowthMb: growth,
        openSeconds,
      },
    };
  } finally {
    for (const s of streams) s.req.destroy();
    agent.destroy();
  }
}
