/**
 * Why stock changed. `initial` and `manual` come from the back office (a note says why),
 * `order_reserved` / `order_released` from order submission and cancellation.
 */
export const stockReasons = ['initial', 'manual', 'order_reserved', 'order_released'] as const;
export type StockReason = (typeof stockReasons)[number];

/** One back-office adjustment moves at most this many units either way (a typo of a few zeros is refused). */
export const MAX_STOCK_ADJUSTMENT = 100_000;
/** Back-office adjustments never take a product above this; far from the int column's limit. */
export const MAX_STOCK = 1_000_000;

/** A change as staff read it: "+20", "−3" (a real minus sign). */
export const signedDelta = (delta: number) => (delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`);

/** The product page shows this many ledger rows, newest first, and counts the rest up to the cap. */
export const LEDGER_ROWS = 50;
export const LEDGER_COUNT_CAP = 10_000;
