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
  close(): Promise<void>;
}

const CHANNEL = 'hashcart_changes';
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
      close: async () => void local.removeAllListeners(),
    };
  }
  const notifier = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  notifier.on('error', () => {});
  let closed = false;
  let listener: pg.Client | undefined;
  let retryMs = RETRY_MIN_MS;

  const listen = async () => {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: LISTENER_NAME });
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) local.emit(n.payload);
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
    await client.query(`LISTEN ${CHANNEL}`);
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
        await notifier.query('SELECT pg_notify($1, $2)', [CHANNEL, topic]);
      });
      waiting.set(topic, sent);
      turn = sent.catch(() => {});
      return sent;
    },
    subscribe: (topic, fn) => {
      local.on(topic, fn);
      return () => local.off(topic, fn);
    },
    close: async () => {
      closed = true;
      local.removeAllListeners();
      await listener?.end().catch(() => {});
      await notifier.end().catch(() => {});
    },
  };
}

export const orderTopic = (number: string) => `order:${number}`;
export const caseTopic = (number: string) => `case:${number}`;
