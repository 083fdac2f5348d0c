import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventBus } from '../events.js';

const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events for an open page (an order, an after-sales case): a `changed` event
 * whenever its topic is published (from any app process, via the event bus); htmx then
 * re-fetches the page's changing parts. The caller has already checked the viewer may
 * see what the topic is about.
 */
export function streamChanges(req: FastifyRequest, reply: FastifyReply, bus: EventBus, topic: string) {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n\n');
  const unsubscribe = bus.subscribe(topic, () => res.write(`event: changed\ndata: ${topic}\n\n`));
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  req.raw.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
