/** Pure cart rules. Money is integer US cents. */

/**
 * The most units of one product a cart line (and so an order line) may hold; larger
 * orders go through sales. Every path that writes a cart line checks it (cart.repo.ts).
 */
export const MAX_LINE_QUANTITY = 10_000;

export const lineQuantityAllowed = (quantity: number) =>
  Number.isSafeInteger(quantity) && quantity >= 1 && quantity <= MAX_LINE_QUANTITY;

export interface PricedLine {
  unitPriceCents: number;
  quantity: number;
}

export const lineTotalCents = (l: PricedLine) => l.unitPriceCents * l.quantity;

export const subtotalCents = (lines: PricedLine[]) => lines.reduce((sum, l) => sum + lineTotalCents(l), 0);

/** Can this quantity be ordered? Stock is only a limit when backorders are not allowed. */
export const quantityAvailable = (p: { stock: number; backorderAllowed: boolean }, quantity: number) =>
  p.backorderAllowed || p.stock >= quantity;
