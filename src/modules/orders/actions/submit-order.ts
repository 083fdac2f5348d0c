import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import type { Tx } from '../../../platform/db/client.js';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { AppError } from '../../../platform/errors.js';
import { notifyRolesSql } from '../../accounts/index.js';
import { type CartLine, cartAddedAt, cartLines, lineQuantityAllowed, takeOrderedLines } from '../../cart/index.js';
import { reserveOrderStock } from '../../catalog/index.js';
import { findPaymentMethod } from '../../payment-methods/index.js';
import { destinationCheck, getSettings } from '../../settings/index.js';
import { webhookEventsSql } from '../../webhooks/index.js';
import type { SubmitOrderInput } from '../order.inputs.js';
import { orderPlacedSince } from '../order.repo.js';
import { goodsTotalCents, paymentMethodAllowed, shippingMethodsFor } from '../order.rules.js';
import { orderEvents, orderLines, orderSubmissions, orders, savedAddresses } from '../order.tables.js';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The cart this form showed became an order already (another tab, a second device). */
export class CartAlreadyOrdered extends AppError {
  constructor(readonly orderNumber: string) {
    super('CONFLICT', { detail: `cart already ordered as ${orderNumber}` });
  }
}

/**
 * Turns "My cart list" into an order in `awaiting_quote`, in one transaction:
 * claims the form token (a second submit of the same form returns the first order),
 * snapshots the lines, reserves stock through the catalog's ledger with conditional updates
 * (backorderable lines without stock are flagged instead), empties the cart, saves the address
 * (with the buyer's company and tax ID, which the PI and the customs papers print).
 *
 * Under load the cost is round trips and how long rows stay locked (issue #7), so the
 * transaction is five statements: claim, read the cart, write the order with everything
 * that hangs off it, write the lines, then reserve stock. The product rows every
 * buyer shares are locked only by that last statement, just before COMMIT.
 */
export async function submitOrder(actions: ActionContext, user: CurrentUser, input: SubmitOrderInput) {
  // Configuration, not state the order changes: read before the transaction opens.
  const [settings, method] = await Promise.all([
    getSettings(actions.db),
    findPaymentMethod(actions.db, input.paymentMethodId),
  ]);
  return actions.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(orderSubmissions)
      .values({ token: input.token, userId: user.id })
      .onConflictDoNothing()
      .returning();
    if (!claimed) {
      const [prior] = await tx
        .select({ number: orders.number })
        .from(orderSubmissions)
        .innerJoin(orders, eq(orders.id, orderSubmissions.orderId))
        .where(and(eq(orderSubmissions.token, input.token), eq(orderSubmissions.userId, user.id)));
      if (!prior) throw new AppError('CONFLICT');
      return outcome({ number: prior.number, created: false });
    }

    // Locked: a second submit of the same cart (another tab) waits here, then finds it empty.
    const lines = await cartLines(tx, user.id, { lock: true });
    if (!lines.length) {
      const taken = input.cartAt ? await orderPlacedSince(tx, user.id, new Date(input.cartAt)) : undefined;
      if (taken) throw new CartAlreadyOrdered(taken);
      throw new AppError('VALIDATION', { fields: { _form: 'order.cartEmpty' } });
    }
    // A line added after this form was shown (in another tab) is reviewed before it is ordered.
    if (input.cartAt && cartAddedAt(lines) > input.cartAt)
      throw new AppError('VALIDATION', { fields: { _form: 'order.cartChanged' } });
    // A line written before the cap existed is refused, not ordered.
    if (lines.some((l) => !lineQuantityAllowed(l.quantity)))
      throw new AppError('VALIDATION', { fields: { _form: 'order.quantityTooLarge' } });
    const goods = goodsTotalCents(lines);

    const fields: Record<
      string,
      | 'order.methodNotAllowed'
      | 'order.paymentNotAllowed'
      | 'order.destinationNotShipped'
      | 'order.destinationBlocked'
      | 'order.cryptoAckRequired'
    > = {};
    if (!shippingMethodsFor(goods).includes(input.shippingMethod)) fields.shippingMethod = 'order.methodNotAllowed';
    if (!method || !paymentMethodAllowed(method, goods)) fields.paymentMethodId = 'order.paymentNotAllowed';
    const destination = destinationCheck(settings, input.country);
    if (destination === 'not_shipped') fields.country = 'order.destinationNotShipped';
    if (destination === 'restricted_block') fields.country = 'order.destinationBlocked';
    if (destination === 'restricted_warn' && !input.cryptoAcknowledged)
      fields.cryptoAcknowledged = 'order.cryptoAckRequired';
    if (Object.keys(fields).length) throw new AppError('VALIDATION', { fields });

    const order = await insertOrder(tx, user, input, goods, lines);
    await reserveAndInsertLines(tx, order, user.id, lines);
    // Stock was reserved: the storefront shows what is left.
    return outcome({ number: order.number, created: true }, { catalogChanged: true });
  });
}

/**
 * One statement: the order (numbered from the sequence), its first event, the claimed
 * token pointing at it, the ordered lines taken out of the cart (a line added meanwhile
 * stays), the saved address, the sales team's mail (in each one's language) and the `order.created` webhook. The cart's and the mail's writes are
 * their owners' statements, run here as CTEs so the submission stays one round trip.
 */
async function insertOrder(tx: Tx, user: CurrentUser, input: SubmitOrderInput, goods: number, lines: CartLine[]) {
  const a = input;
  const ordered = lines.map((l) => l.productId);
  const result = await tx.execute(sql`
    with o as (
      insert into ${orders} (number, customer_id, shipping_method, payment_method_id, full_name, phone, email,
                             country, city, address, postal_code, company, tax_id, crypto_acknowledged, goods_cents)
      values ('HC-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('order_number_seq')::text, 6, '0'),
              ${user.id}, ${a.shippingMethod}, ${a.paymentMethodId}, ${a.fullName}, ${a.phone}, ${user.email},
              ${a.country}, ${a.city}, ${a.address}, ${a.postalCode}, ${a.company}, ${a.taxId}, ${a.cryptoAcknowledged}, ${goods})
      returning id, number
    ), event as (
      insert into ${orderEvents} (order_id, event, from_status, to_status, actor_id, actor_role)
      select id, 'submitOrder', null, 'awaiting_quote', ${user.id}::int, ${user.role}::text from o
    ), token as (
      update ${orderSubmissions} set order_id = (select id from o) where token = ${a.token}
    ), emptied as (${takeOrderedLines(user.id, ordered)}), saved as (
      insert into ${savedAddresses} (user_id, full_name, phone, country, city, address, postal_code, company, tax_id)
      values (${user.id}, ${a.fullName}, ${a.phone}, ${a.country}, ${a.city}, ${a.address}, ${a.postalCode}, ${a.company}, ${a.taxId})
      on conflict (user_id) do update set full_name = excluded.full_name, phone = excluded.phone, country = excluded.country,
        city = excluded.city, address = excluded.address, postal_code = excluded.postal_code,
        company = excluded.company, tax_id = excluded.tax_id
    ), mail as (${notifyRolesSql(
      ['sales'],
      {
        subject: 'mail.newOrder.subject',
        body: 'mail.newOrder.body',
        params: { name: a.fullName, country: a.country },
      },
      { from: sql`o`, late: { number: sql`o.number` } },
    )}), ${webhookEventsSql(
      sql`select 'order.created'::text, jsonb_build_object('number', o.number, 'status', 'awaiting_quote', 'goodsCents', ${goods}::bigint) from o`,
    )}
    select id, number from o`);
  const [order] = rowsOf<{ id: number; number: string }>(result);
  if (!order) throw new Error('order insert returned nothing');
  return order;
}

/**
 * The lines, then the stock: snapshot every line (one statement), then reserve them all
 * through the catalog's ledger (one statement, `stock >= quantity` per line, so concurrent
 * orders never oversell), the transaction's last before COMMIT, so the product rows every
 * buyer shares stay locked as briefly as before. A line is written backordered when the
 * stock read with the cart was short; the reservation decides, and the rare line whose
 * stock changed in between is corrected (one more statement) or, if its product may not be
 * backordered, rolls everything back.
 */
async function reserveAndInsertLines(
  tx: Tx,
  order: { id: number; number: string },
  actorId: number,
  lines: CartLine[],
) {
  const values = sql.join(
    lines.map(
      (l) =>
        sql`(${l.productId}::int, ${l.sku}::text, ${l.name}::text, ${l.hsCode}::text, ${l.unitPriceCents}::int, ${l.quantity}::int, ${l.weightGrams}::int, ${l.needsTesting}::boolean, ${l.stock < l.quantity}::boolean)`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    insert into ${orderLines} (order_id, product_id, sku, name, hs_code, list_price_cents, unit_price_cents, quantity,
                               weight_grams, needs_testing, backordered)
    select ${order.id}, product_id, sku, name, hs_code, price_cents, price_cents, quantity, weight_grams, needs_testing, backordered
      from (values ${values}) line (product_id, sku, name, hs_code, price_cents, quantity, weight_grams, needs_testing, backordered)`);
  const reserved = await reserveOrderStock(tx, { orderNumber: order.number, actorId }, lines);
  const refused = lines.find((l) => !reserved.has(l.productId) && !l.backorderAllowed);
  if (refused) throw new AppError('VALIDATION', { fields: { _form: 'order.outOfStock' }, detail: refused.sku });
  const guessedWrong = lines.filter((l) => l.stock < l.quantity === reserved.has(l.productId)).map((l) => l.productId);
  if (guessedWrong.length)
    await tx
      .update(orderLines)
      .set({ backordered: sql`not ${orderLines.backordered}` })
      .where(and(eq(orderLines.orderId, order.id), inArray(orderLines.productId, guessedWrong)));
}
