import type { Tx } from '../../platform/db/client.js';
import type { Order } from './order.repo.js';

/**
 * What other modules do inside an order's own transactions, composed in app.ts: orders
 * may not import them (refunds imports orders), so they are handed in. `onCancelled`
 * gets the order as cancelled (refunds owes back what was paid).
 */
export interface OrderHooks {
  onCancelled(tx: Tx, order: Order): Promise<void>;
}

/** Runs without other modules (unit-level callers of the sweep). The app always passes its own. */
export const noOrderHooks: OrderHooks = { onCancelled: async () => {} };
