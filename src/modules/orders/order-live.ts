import type { FastifyReply, FastifyRequest } from 'fastify';
import { type EventBus, orderTopic } from '../../platform/events.js';

const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events for an open order page: a `changed` event whenever the order
 * changes (from any app process, via the event bus); htmx then re-fetches the page
 * body. The caller has already checked the viewer may see this order.
 */
export function streamOrderChanges(req: FastifyRequest, reply: FastifyReply, bus: EventBus, number: string) {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n\n');
  const unsubscribe = bus.subscribe(orderTopic(number), () => res.write(`event: changed\ndata: ${number}\n\n`));
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  req.raw.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
