import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';

/**
 * "This order changed" signals for live pages. In one process an EventEmitter; with
 * PostgreSQL, NOTIFY/LISTEN carries them to every app process (each process also
 * receives its own notifications, so there is one path).
 */
export interface EventBus {
  publish(topic: string): Promise<void>;
  subscribe(topic: string, fn: () => void): () => void;
  /**
   * True when every notification committed more than `FRESH_MS` ago has reached this process:
   * what a per-process cache of something another process may revoke (sessions) needs before it
   * answers from memory. One process (no DATABASE_URL) hears everything at once; with PostgreSQL,
   * the process's own heartbeat must have come back through LISTEN within that time. NOTIFYs reach
   * a listener in commit order, so a heartbeat sent at t proves that everything committed before t
   * has been delivered; a dead or stalled listening connection stops proving it.
   */
  fresh(): boolean;
  close(): Promise<void>;
}

export const FRESH_MS = 1_000;
const HEARTBEAT_MS = 300;

/** The one NOTIFY channel; a transaction may `pg_notify` it directly to publish on its own commit. */
export const EVENTS_CHANNEL = 'hashcart_changes';
/** Lets operators (and the reconnect test) find the listening connection in pg_stat_activity. */
export const LISTENER_NAME = `hashcart-listen-${process.pid}`;
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 30_000;

export async function createEventBus(databaseUrl?: string): Promise<EventBus> {
  const local = new EventEmitter();
  local.setMaxListeners(0); // one listener per open page
  if (!databaseUrl) {
    return {
      publish: async (topic) => void local.emit(topic),
      subscribe: (topic, fn) => {
        local.on(topic, fn);
        return () => local.off(topic, fn);
      },
      fresh: () => true,
      close: async () => void local.removeAllListeners(),
    };
  }
  const notifier = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  notifier.on('error', () => {});
  let closed = false;
  let listener: pg.Client | undefined;
  let retryMs = RETRY_MIN_MS;
  // The heartbeat's payload is its send time; `heardUpTo` is the latest one heard back.
  const heartbeat = `heartbeat:${process.pid}:${randomBytes(4).toString('hex')}:`;
  let heardUpTo = 0;

  const listen = async () => {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: LISTENER_NAME });
    client.on('notification', (n) => {
      if (n.channel !== EVENTS_CHANNEL || !n.payload) return;
      if (n.payload.startsWith(heartbeat)) heardUpTo = Math.max(heardUpTo, Number(n.payload.slice(heartbeat.length)));
      else if (!n.payload.startsWith('heartbeat:')) local.emit(n.payload);
    });
    // A dropped connection (server restart, failover, idle kill) is replaced, and every
    // subscriber is told once that it may have missed something: live pages re-fetch,
    // caches drop what they hold.
    client.on('error', () => {});
    client.on('end', () => {
      if (closed || listener !== client) return;
      listener = undefined;
      setTimeout(reconnect, retryMs).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    listener = client;
  };
  const reconnect = () => {
    if (closed) return;
    listen().then(
      () => {
        retryMs = RETRY_MIN_MS;
        for (const topic of local.eventNames()) local.emit(topic);
      },
      () => {
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
        setTimeout(reconnect, retryMs).unref();
      },
    );
  };
  await listen();
  const beat = () =>
    void notifier.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, `${heartbeat}${Date.now()}`]).catch(() => {});
  beat();
  const beating = setInterval(beat, HEARTBEAT_MS);
  beating.unref();

  // Publishes go out one at a time on the notifier connection. A publish joins a NOTIFY
  // of the same topic that is still waiting its turn (not sent yet, so it still follows the
  // caller's commit): a burst, e.g. every order submission saying "catalog changed", costs
  // one round trip per topic instead of one per call, and callers stop queueing behind it.
  const waiting = new Map<string, Promise<void>>();
  let turn: Promise<unknown> = Promise.resolve();
  return {
    publish: (topic) => {
      const joined = waiting.get(topic);
      if (joined) return joined;
      const sent = turn.then(async () => {
        waiting.delete(topic);
        await notifier.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, topic]);
      });
      waiting.set(topic, sent);
      turn = sent.catch(() => {});
      return sent;
    },
    subscribe: (topic, fn) => {
      local.on(topic, fn);
      return () => local.off(topic, fn);
    },
    fresh: () => Date.now() - heardUpTo < FRESH_MS,
    close: async () => {
      closed = true;
      clearInterval(beating);
      local.removeAllListeners();
      await listener?.end().catch(() => {});
      await notifier.end().catch(() => {});
    },
  };
}

export const orderTopic = (number: string) => `order:${number}`;
export const caseTopic = (number: string) => `case:${number}`;
