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
  it('commits, then publishes each declared topic once and tells the catalog, and returns the value', async () => {
    const { bus, published } = recordingBus('committed');
    const catalogChanged = vi.fn(async () => {});
    const actions = createActionContext({ db: database.db, bus, catalogChanged, log: vi.fn() });
    const value = await actions.transaction(async (tx) => {
      await tx.insert(outboxMessages).values(writeRow('committed'));
      expect(published).toEqual([]); // nothing leaves before COMMIT
      return outcome(42, { topics: ['order:A', 'order:A', 'case:B'], catalogChanged: true });
    });
    expect(value).toBe(42);
    expect(published).toEqual([
      { topic: 'order:A', committed: true },
      { topic: 'case:B', committed: true },
    ]);
    expect(catalogChanged).toHaveBeenCalledTimes(1);
  });

  it('publishes nothing when the transaction rolls back', async () => {
    const { bus, published } = recordingBus('rolled back');
    const catalogChanged = vi.fn(async () => {});
    const actions = createActionContext({ db: database.db, bus, catalogChanged, log: vi.fn() });
    await expect(
      actions.transaction(async (tx) => {
        await tx.insert(outboxMessages).values(writeRow('rolled back'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(published).toEqual([]);
    expect(catalogChanged).not.toHaveBeenCalled();
    expect(await database.db.select().from(outboxMessages).where(eq(outboxMessages.subject, 'rolled back'))).toEqual(
      [],
    );
  });

  it('logs a publish that fails after commit instead of failing the action', async () => {
    const { bus, published } = recordingBus('bus down', true);
    const log = vi.fn();
    const actions = createActionContext({ db: database.db, bus, catalogChanged: async () => {}, log });
    const value = await actions.transaction(async (tx) => {
      await tx.insert(outboxMessages).values(writeRow('bus down'));
      return outcome('done', { topics: ['order:D'] });
    });
    expect(value).toBe('done');
    expect(published).toEqual([{ topic: 'order:D', committed: true }]);
    expect(log).toHaveBeenCalledWith('effect not carried out after commit', expect.any(Error));
  });
});
