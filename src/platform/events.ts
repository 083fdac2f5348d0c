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
  const listener = new pg.Client({ connectionString: databaseUrl });
  const notifier = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  notifier.on('error', () => {});
  listener.on('error', () => {});
  await listener.connect();
  await listener.query(`LISTEN ${CHANNEL}`);
  listener.on('notification', (n) => {
    if (n.channel === CHANNEL && n.payload) local.emit(n.payload);
  });
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
      local.removeAllListeners();
      await listener.end().catch(() => {});
      await notifier.end().catch(() => {});
    },
  };
}

export const orderTopic = (number: string) => `order:${number}`;
