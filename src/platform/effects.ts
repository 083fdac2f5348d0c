import type { Db, Tx } from './db/client.js';
import type { EventBus } from './events.js';

/**
 * What a committed change means to everyone else, declared by the action that made it
 * (ADR 0014). Mail is not here: it is written to the outbox inside the transaction, so it
 * commits or rolls back with the change, and the mailer sends it.
 */
export interface Effects {
  /** Live-update topics (`orderTopic`, `caseTopic`): every open page on one re-fetches. */
  topics?: readonly string[];
  /** Products or stock changed: storefront caches drop what they hold, in every process. */
  catalogChanged?: boolean;
  /** Orders were placed or changed state: this process counts its queue badges afresh (ADR 0040). */
  ordersChanged?: boolean;
}

/** An action's result and the effects it declares. */
export interface Outcome<T> {
  value: T;
  effects: Effects;
}

export const outcome = <T>(value: T, effects: Effects = {}): Outcome<T> => ({ value, effects });

/** What an action is given: the database, and the one way to run its transaction. */
export interface ActionContext {
  db: Db;
  /**
   * Runs `work` in one transaction, commits, then carries out the effects it returned
   * and resolves with its value. A rollback (an error from `work`) carries out nothing.
   * After COMMIT the change stands, so an effect that fails is logged, never thrown.
   */
  transaction<T>(work: (tx: Tx) => Promise<Outcome<T>>): Promise<T>;
}

export function createActionContext(opts: {
  db: Db;
  bus: EventBus;
  /** Drops this process's storefront caches and tells the other processes. */
  catalogChanged: () => Promise<void>;
  /** Drops this process's queue badges; the other processes recount within a second. */
  ordersChanged: () => void;
  log: (msg: string, err: unknown) => void;
}): ActionContext {
  const carryOut = async (effects: Effects) => {
    if (effects.ordersChanged) opts.ordersChanged();
    const done = await Promise.allSettled([
      ...[...new Set(effects.topics)].map((topic) => opts.bus.publish(topic)),
      ...(effects.catalogChanged ? [opts.catalogChanged()] : []),
    ]);
    for (const r of done) if (r.status === 'rejected') opts.log('effect not carried out after commit', r.reason);
  };
  return {
    db: opts.db,
    async transaction(work) {
      const { value, effects } = await opts.db.transaction(work);
      await carryOut(effects);
      return value;
    },
  };
}
