import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../../test/test-app.js';
import type { Database } from './db/client.js';
import { createActionContext, outcome } from './effects.js';
import type { EventBus } from './events.js';
import { outboxMessages } from './mail/index.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** A bus that records each topic with whether the action's row was visible (committed) when it was published. */
function recordingBus(subject: string, fail = false) {
  const published: { topic: string; committed: boolean }[] = [];
  const bus: EventBus = {
    async publish(topic) {
      const rows = await database.db.select().from(outboxMessages).where(eq(outboxMessages.subject, subject));
      published.push({ topic, committed: rows.length === 1 });
      if (fail) throw new Error('bus down');
    },
    subscribe: () => () => {},
    fresh: () => true,
    close: async () => {},
  };
  return { bus, published };
}

const writeRow = (subject: string) => ({ to: 'x@example.test', subject, body: '' });

describe('the action runner', () => {
  it('commits, then publishes each declared topic once, tells the catalog and the order queues, and returns the value', async () => {
    const { bus, published } = recordingBus('committed');
    const catalogChanged = vi.fn(async () => {});
    // The queue badges are dropped after COMMIT: a count started then sees the change.
    let seenByRecount: Promise<unknown[]> | undefined;
    const ordersChanged = vi.fn(() => {
      seenByRecount = database.db.select().from(outboxMessages).where(eq(outboxMessages.subject, 'committed'));
    });
    const actions = createActionContext({ db: database.db, bus, catalogChanged, ordersChanged, log: vi.fn() });
    const value = await actions.transaction(async (tx) => {
      await tx.insert(outboxMessages).values(writeRow('committed'));
      expect(published).toEqual([]); // nothing leaves before COMMIT
      expect(ordersChanged).not.toHaveBeenCalled();
      return outcome(42, { topics: ['order:A', 'order:A', 'case:B'], catalogChanged: true, ordersChanged: true });
    });
    expect(value).toBe(42);
    expect(published).toEqual([
      { topic: 'order:A', committed: true },
      { topic: 'case:B', committed: true },
    ]);
    expect(catalogChanged).toHaveBeenCalledTimes(1);
    expect(ordersChanged).toHaveBeenCalledTimes(1);
    expect(await seenByRecount).toHaveLength(1);
  });

  it('publishes nothing when the transaction rolls back', async () => {
    const { bus, published } = recordingBus('rolled back');
    const catalogChanged = vi.fn(async () => {});
    const ordersChanged = vi.fn();
    const actions = createActionContext({ db: database.db, bus, catalogChanged, ordersChanged, log: vi.fn() });
    await expect(
      actions.transaction(async (tx) => {
        await tx.insert(outboxMessages).values(writeRow('rolled back'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(published).toEqual([]);
    expect(catalogChanged).not.toHaveBeenCalled();
    expect(ordersChanged).not.toHaveBeenCalled();
    expect(await database.db.select().from(outboxMessages).where(eq(outboxMessages.subject, 'rolled back'))).toEqual(
      [],
    );
  });

  it('logs a publish that fails after commit instead of failing the action', async () => {
    const { bus, published } = recordingBus('bus down', true);
    const log = vi.fn();
    const actions = createActionContext({
      db: database.db,
      bus,
      catalogChanged: async () => {},
      ordersChanged: () => {},
      log,
    });
    const value = await actions.transaction(async (tx) => {
      await tx.insert(outboxMessages).values(writeRow('bus down'));
      return outcome('done', { topics: ['order:D'] });
    });
    expect(value).toBe('done');
    expect(published).toEqual([{ topic: 'order:D', committed: true }]);
    expect(log).toHaveBeenCalledWith('effect not carried out after commit', expect.any(Error));
  });
});
