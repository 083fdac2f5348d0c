import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { jsonList } from '../../platform/db/json-rows.js';
import { type Bindable, type Placeholders, preparedPerDb } from '../../platform/db/prepared.js';
import { canSell, productFacts } from '../catalog/index.js';
import { lineQuantityAllowed, MAX_LINE_QUANTITY } from './cart.rules.js';
import { cartItems } from './cart.tables.js';

const lineFields = {
  productId: cartItems.productId,
  quantity: cartItems.quantity,
  slug: productFacts.slug,
  sku: productFacts.sku,
  name: productFacts.name,
  image: sql<string | null>`${productFacts.images}[1]`.as('image'),
  unitPriceCents: productFacts.priceCents,
  stock: productFacts.stock,
  backorderAllowed: productFacts.backorderAllowed,
  needsTesting: productFacts.needsTesting,
  hsCode: productFacts.hsCode,
  weightGrams: productFacts.weightGrams,
  addedAt: cartItems.addedAt,
};

const cartLinesQuery = (db: DbOrTx, userId: Bindable<number>) =>
  db
    .select(lineFields)
    .from(cartItems)
    .innerJoin(productFacts, eq(productFacts.id, cartItems.productId))
    .where(eq(cartItems.userId, userId))
    .orderBy(asc(cartItems.addedAt), asc(cartItems.productId))
    .$dynamic();

/** The cart page and the order form read it on every view (#18). */
const preparedCartLines = preparedPerDb((db, p: Placeholders<{ userId: number }>) => cartLinesQuery(db, p.userId));

/** The user's cart. */
export const cartLines = (db: DbOrTx, userId: number) => preparedCartLines(db, { userId });

/** When the newest line went in: an order placed after this took the cart the page showed. */
export const cartAddedAt = (lines: { addedAt: Date }[]) => Math.max(0, ...lines.map((l) => l.addedAt.getTime()));

export type CartLine = Awaited<ReturnType<typeof cartLines>>[number];

/**
 * The user's cart as one subquery (a JSON array, lines as `cartLines` returns them), for a
 * statement that loads more with it: the cart page, and the order's submission with the payment
 * method (ADR 0039).
 */
export const cartLinesSql = (db: DbOrTx, userId: Bindable<number>) =>
  jsonList<CartLine>(lineFields, cartLinesQuery(db, userId), [cartItems.addedAt, cartItems.productId]);

/**
 * Takes the ordered lines out of the cart, each only if it still holds the quantity that was
 * ordered; a line added meanwhile stays. Returns the `product_id`s taken: a line another
 * submission took first (another tab: its row lock makes this wait for that commit) or that
 * changed meanwhile is missing, and the caller rolls back. A statement, not a call: the
 * order's submission runs it as one CTE of its single statement (#7), `when` its condition.
 */
export const takeOrderedLines = (userId: number, lines: { productId: number; quantity: number }[], when: SQL) => sql`
  delete from ${cartItems} where user_id = ${userId} and (product_id, quantity) in (${sql.join(
    lines.map((l) => sql`(${l.productId}::int, ${l.quantity}::int)`),
    sql`, `,
  )}) and ${when}
  returning product_id`;

/**
 * Adds to the line (or creates it) in one statement whose WHERE clauses check stock and
 * the line cap, so two quick clicks can't push a line past what can be sold. Returns the
 * new quantity, or undefined when refused.
 */
export async function addCartQuantity(db: DbOrTx, userId: number, productId: number, quantity: number) {
  if (!lineQuantityAllowed(quantity)) return undefined;
  const result = await db.execute<{ quantity: number }>(sql`
    insert into ${cartItems} (user_id, product_id, quantity)
    select ${userId}::int, ${productId}::int, ${quantity}::int
     where ${canSell(productId, quantity)}
    on conflict (user_id, product_id) do update
       set quantity = ${cartItems}.quantity + excluded.quantity
     where ${cartItems}.quantity + excluded.quantity <= ${MAX_LINE_QUANTITY}
       and ${canSell(sql`excluded.product_id`, sql`${cartItems}.quantity + excluded.quantity`)}
    returning quantity`);
  return rowsOf<{ quantity: number }>(result)[0]?.quantity;
}

export async function setCartQuantity(db: DbOrTx, userId: number, productId: number, quantity: number) {
  if (!lineQuantityAllowed(quantity)) return undefined;
  const rows = await db
    .update(cartItems)
    .set({ quantity })
    .where(and(eq(cartItems.userId, userId), eq(cartItems.productId, productId), canSell(productId, quantity)))
    .returning({ quantity: cartItems.quantity });
  return rows[0]?.quantity;
}

export async function deleteCartLine(db: DbOrTx, userId: number, productId: number) {
  await db.delete(cartItems).where(and(eq(cartItems.userId, userId), eq(cartItems.productId, productId)));
}

/** The line's quantity, or undefined when the product is not in the cart. */
export async function cartLineQuantity(db: DbOrTx, userId: number, productId: number) {
  const [row] = await db
    .select({ q: cartItems.quantity })
    .from(cartItems)
    .where(and(eq(cartItems.userId, userId), eq(cartItems.productId, productId)));
  return row?.q;
}

/** node-postgres returns { rows }, PGlite returns { rows } too, but typed differently. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
