import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { createEventBus, LISTENER_NAME } from './events.js';

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
});
