import { eq, sql } from 'drizzle-orm';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { oneRow } from '../../../platform/db/capped-count.js';
import type { DbOrTx, Tx } from '../../../platform/db/client.js';
import { type Placeholders, preparedPerDb } from '../../../platform/db/prepared.js';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { AppError } from '../../../platform/errors.js';
import { notifyRolesSql } from '../../accounts/index.js';
import { type CartLine, cartAddedAt, cartLinesSql, lineQuantityAllowed, takeOrderedLines } from '../../cart/index.js';
import { reserveOrderStockSql } from '../../catalog/index.js';
import { type PaymentMethod, paymentMethodSql } from '../../payment-methods/index.js';
import { destinationCheck, getSettings, type Settings } from '../../settings/index.js';
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
 * What made a submission order nothing, found inside its transaction (which then rolls back):
 * the form's token was used already, or another submission took the cart's lines first.
 */
class NotPlaced extends Error {}

/**
 * Turns "My cart list" into an order in `awaiting_quote`: claims the form token (a second
 * submit of the same form returns the first order), snapshots the lines, reserves stock
 * through the catalog's ledger with conditional updates (backorderable lines without stock
 * are flagged instead), takes the lines out of the cart, saves the address (with the buyer's
 * company and tax ID, which the PI and the customs papers print).
 *
 * Under load the cost is round trips and how long rows stay locked (issues #7, #18, ADR 0039):
 * the cart and the payment method are read in one statement and checked before BEGIN (the
 * settings come from their cache), and the transaction is one statement. A cart is ordered
 * once: the statement deletes exactly the lines that were read, so a second submission of the
 * same cart (another tab) waits on their row locks, takes nothing, and rolls back. The product rows every buyer shares stay locked from that
 * statement to COMMIT, one round trip.
 */
export async function submitOrder(actions: ActionContext, user: CurrentUser, input: SubmitOrderInput) {
  const [settings, [read]] = await Promise.all([
    getSettings(actions.db),
    methodAndCart(actions.db, { methodId: input.paymentMethodId, userId: user.id }),
  ]);
  const method = read?.method;
  const lines = read?.lines ?? [];
  try {
    const goods = checkOrder(input, lines, settings, method);
    return await actions.transaction(async (tx) => {
      const number = await placeOrder(tx, user, input, goods, lines);
      // Stock was reserved: the storefront shows what is left.
      return outcome({ number, created: true }, { catalogChanged: true, ordersChanged: true });
    });
  } catch (err) {
    if (!(err instanceof AppError || err instanceof NotPlaced)) throw err;
    // Nothing was ordered. A form submitted before (a double click, a retry) answers with its order.
    const [prior] = await submission(actions.db, input.token);
    if (prior) {
      if (prior.userId !== user.id || !prior.number) throw new AppError('CONFLICT');
      return { number: prior.number, created: false };
    }
    // A cart that another tab ordered meanwhile says so, with a link to that order.
    const emptied = err instanceof AppError && err.fields?._form === 'order.cartEmpty';
    if (err instanceof NotPlaced || emptied) {
      const since = input.cartAt || (lines.length ? cartAddedAt(lines) : 0);
      const taken = since ? await orderPlacedSince(actions.db, user.id, new Date(since)) : undefined;
      if (taken) throw new CartAlreadyOrdered(taken);
    }
    if (err instanceof NotPlaced) throw new AppError('VALIDATION', { fields: { _form: 'order.cartChanged' } });
    throw err;
  }
}

/** The chosen payment method and the cart, in one statement built once per database. */
const methodAndCart = preparedPerDb((db, p: Placeholders<{ methodId: number; userId: number }>) =>
  db.select({ method: paymentMethodSql(p.methodId), lines: cartLinesSql(db, p.userId) }).from(oneRow),
);

const submission = (db: DbOrTx, token: string) =>
  db
    .select({ userId: orderSubmissions.userId, number: orders.number })
    .from(orderSubmissions)
    .leftJoin(orders, eq(orders.id, orderSubmissions.orderId))
    .where(eq(orderSubmissions.token, token));

/** The rules an order must meet before it is written (pure); returns the goods total. */
function checkOrder(input: SubmitOrderInput, lines: CartLine[], settings: Settings, method?: PaymentMethod) {
  if (!lines.length) throw new AppError('VALIDATION', { fields: { _form: 'order.cartEmpty' } });
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
  return goods;
}

/**
 * One statement: the order (numbered from the sequence, unless the form's token was used
 * already), the token claimed for it, its first event, the lines taken out of the cart, the
 * stock reserved for the lines taken, the lines snapshotted (backordered where the reservation
 * found too little stock), the saved address, the sales team's mail (in each one's language)
 * and the `order.created` webhook. The cart's, the catalog's and the mail's writes are their
 * owners' statements, run here as CTEs. Returns the order's number; throws NotPlaced when the
 * token or a line was taken by another submission, and refuses a line out of stock that may
 * not be backordered: either way the transaction rolls back.
 */
async function placeOrder(tx: Tx, user: CurrentUser, input: SubmitOrderInput, goods: number, lines: CartLine[]) {
  const a = input;
  const snapshot = sql.join(
    lines.map(
      (l) =>
        sql`(${l.productId}::int, ${l.sku}::text, ${l.name}::text, ${l.hsCode}::text, ${l.unitPriceCents}::int, ${l.quantity}::int, ${l.weightGrams}::int, ${l.needsTesting}::boolean)`,
    ),
    sql`, `,
  );
  const result = await tx.execute(sql`
    with o as (
      insert into ${orders} (number, customer_id, shipping_method, payment_method_id, full_name, phone, email,
                             country, city, address, postal_code, company, tax_id, crypto_acknowledged, goods_cents)
      select 'HC-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('order_number_seq')::text, 6, '0'),
             ${user.id}, ${a.shippingMethod}, ${a.paymentMethodId}, ${a.fullName}, ${a.phone}, ${user.email},
             ${a.country}, ${a.city}, ${a.address}, ${a.postalCode}, ${a.company}, ${a.taxId}, ${a.cryptoAcknowledged}, ${goods}
       where not exists (select 1 from ${orderSubmissions} where token = ${a.token})
      returning id, number
    ), claimed as (
      -- A concurrent submit of the same form waits here for the first one's commit, then claims nothing.
      insert into ${orderSubmissions} (token, user_id, order_id) select ${a.token}, ${user.id}, id from o
      on conflict do nothing
      returning token
    ), event as (
      insert into ${orderEvents} (order_id, event, from_status, to_status, actor_id, actor_role)
      select id, 'submitOrder', null, 'awaiting_quote', ${user.id}::int, ${user.role}::text from o
    ), taken as (${takeOrderedLines(user.id, lines, sql`exists (select 1 from o)`)}),
    ${reserveOrderStockSql(
      { orderNumber: sql`(select number from o)`, actorId: user.id },
      lines,
      sql`select product_id from taken`,
    )}, snapshot as (
      insert into ${orderLines} (order_id, product_id, sku, name, hs_code, list_price_cents, unit_price_cents, quantity,
                                 weight_grams, needs_testing, backordered)
      select o.id, l.product_id, l.sku, l.name, l.hs_code, l.price_cents, l.price_cents, l.quantity, l.weight_grams,
             l.needs_testing, l.product_id not in (select id from reserved)
        from o, (values ${snapshot}) l (product_id, sku, name, hs_code, price_cents, quantity, weight_grams, needs_testing)
    ), saved as (
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
    select o.number, (select count(*) from claimed)::int as claimed, (select count(*) from taken)::int as taken,
           coalesce((select array_agg(id) from reserved), '{}') as reserved
      from o`);
  const [row] = rowsOf<{ number: string; claimed: number; taken: number; reserved: number[] }>(result);
  if (!row || row.claimed === 0 || row.taken < lines.length) throw new NotPlaced();
  const reserved = new Set(row.reserved);
  const refused = lines.find((l) => !reserved.has(l.productId) && !l.backorderAllowed);
  if (refused) throw new AppError('VALIDATION', { fields: { _form: 'order.outOfStock' }, detail: refused.sku });
  return row.number;
}
