import type { Tx } from '../../platform/db/client.js';
import type { Order } from './order.repo.js';

/**
 * What other modules do inside an order's own transactions, composed in app.ts: orders
 * may not import them (refunds imports orders), so they are handed in. `onCancelled`
 * gets the order as cancelled and answers what is owed back to the buyer (refunds owes
 * back what was paid), which the cancellation mail tells them.
 */
export interface OrderHooks {
  onCancelled(tx: Tx, order: Order): Promise<{ owedBackCents: number }>;
}

/** Runs without other modules (unit-level callers of the sweep). The app always passes its own. */
export const noOrderHooks: OrderHooks = { onCancelled: async () => ({ owedBackCents: 0 }) };
