import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { createEventBus, FRESH_MS, LISTENER_NAME } from './events.js';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('event bus on PostgreSQL', () => {
  it('listens again after its connection is killed, tells subscribers to refresh, and carries later events', async () => {
    const bus = await createEventBus(url);
    const other = await createEventBus(url);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const seen = vi.fn();
      bus.subscribe('order:HC-1', seen);
      await other.publish('order:HC-1');
      await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));

      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
        [LISTENER_NAME],
      );
      // The reconnect itself is reported to every subscriber (it may have missed events)…
      await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(2), { timeout: 10_000 });
      // …and events published afterwards arrive again.
      await other.publish('order:HC-1');
      await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(3), { timeout: 10_000 });
    } finally {
      await admin.end();
      await bus.close();
      await other.close();
    }
  });

  it('is fresh only while its own heartbeat comes back through LISTEN', async () => {
    const bus = await createEventBus(url);
    const other = await createEventBus(url);
    try {
      await vi.waitFor(() => expect(bus.fresh()).toBe(true), { timeout: 3_000 });
      // Another process's heartbeats prove nothing about this one's listening connection.
      await bus.close();
      await vi.waitFor(() => expect(bus.fresh()).toBe(false), { timeout: FRESH_MS + 2_000 });
      expect(other.fresh()).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('delivers every topic of a burst to another process, joining repeats of a topic still waiting to be sent', async () => {
    const [sender, receiver] = [await createEventBus(url), await createEventBus(url)];
    try {
      const seen: string[] = [];
      for (const topic of ['catalog', 'order:A', 'order:B']) receiver.subscribe(topic, () => seen.push(topic));
      const burst = [
        ...Array.from({ length: 50 }, () => sender.publish('catalog')),
        sender.publish('order:A'),
        sender.publish('order:B'),
      ];
      await Promise.all(burst);
      const deadline = Date.now() + 3_000;
      while (seen.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(new Set(seen)).toEqual(new Set(['catalog', 'order:A', 'order:B']));
      // The first 'catalog' was sent at once; the other 49 shared one more NOTIFY at most.
      expect(seen.filter((s) => s === 'catalog').length).toBeLessThanOrEqual(2);
      // A publish after the burst is sent again: it may follow a newer commit.
      await sender.publish('catalog');
      const more = Date.now() + 3_000;
      while (seen.filter((s) => s === 'catalog').length < 2 && Date.now() < more)
        await new Promise((r) => setTimeout(r, 20));
      expect(seen.filter((s) => s === 'catalog').length).toBeGreaterThanOrEqual(2);
    } finally {
      await sender.close();
      await receiver.close();
    }
  });
});
