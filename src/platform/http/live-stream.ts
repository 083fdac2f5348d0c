import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventBus } from '../events.js';

const HEARTBEAT_MS = 25_000;

/** The open streams of each app (keyed by its bus): counted for /metrics, ended at shutdown. */
const openStreams = new WeakMap<EventBus, Set<ServerResponse>>();

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
  const open = openStreams.get(bus) ?? new Set<ServerResponse>();
  openStreams.set(bus, open);
  open.add(res);
  const done = () => {
    clearInterval(heartbeat);
    unsubscribe();
    open.delete(res);
  };
  req.raw.on('close', done);
  res.on('close', done);
}

export const liveStreamCount = (bus: EventBus) => openStreams.get(bus)?.size ?? 0;

/**
 * Ends every open stream of this app (shutdown): each browser's EventSource reconnects after
 * its `retry` delay, through the load balancer, to a process that is still serving.
 */
export function endLiveStreams(bus: EventBus) {
  const open = openStreams.get(bus);
  for (const res of open ?? []) res.end();
  open?.clear();
}
