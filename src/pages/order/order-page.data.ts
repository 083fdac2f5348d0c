import { afterSalesOfOrder } from '../../modules/after-sales/index.js';
import { findProformaByOrder } from '../../modules/invoices/index.js';
import {
  balanceCents,
  customerOrderWith,
  depositAddressSql,
  depositPanel,
  ensureDepositAddress,
  type Order,
  orderListsSql,
  orderMachine,
  orderPageFacts,
} from '../../modules/orders/index.js';
import { loadPackingPage } from '../../modules/packing/index.js';
import type { PaymentMethod } from '../../modules/payment-methods/index.js';
import { paymentMethodSql } from '../../modules/payment-methods/index.js';
import { proofsOfOrderSql } from '../../modules/payments/index.js';
import { refundOfOrder } from '../../modules/refunds/index.js';
import { getSettings } from '../../modules/settings/index.js';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import { isStaff } from '../../platform/auth/roles.js';
import { oneRow } from '../../platform/db/capped-count.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { type Correlated, type Placeholders, preparedPerDb } from '../../platform/db/prepared.js';

/**
 * Everything the customer's and the staff's order pages show. The lists hanging off the
 * order and its payment method come in one statement, each module giving its subquery:
 * one round trip instead of six (#7), built once per database (#18). Staff see internal
 * messages and events: a statement each. The customer's page reads the order in the same
 * statement (#18).
 */
const partsOf = (staff: boolean) => (order: { id: Correlated<number>; paymentMethodId: Correlated<number> }) => ({
  ...orderListsSql(order, staff),
  proofs: proofsOfOrderSql(order.id),
  method: paymentMethodSql(order.paymentMethodId),
  deposit: depositAddressSql(order),
});
const partsQuery = (staff: boolean) =>
  preparedPerDb((db, p: Placeholders<{ orderId: number; methodId: number }>) =>
    db.select(partsOf(staff)({ id: p.orderId, paymentMethodId: p.methodId })).from(oneRow),
  );
const partsQueries = { staff: partsQuery(true), customer: partsQuery(false) };
const customerOrderAndParts = customerOrderWith(partsOf(false));

type RawParts = Awaited<ReturnType<(typeof partsQueries)['staff']>>[number];
const partsFrom = (parts: RawParts) => ({
  ...parts,
  method: parts.method ?? undefined,
  deposit: parts.deposit ?? undefined,
});

async function orderParts(db: DbOrTx, order: Order, staff: boolean) {
  const [parts] = await partsQueries[staff ? 'staff' : 'customer'](db, {
    orderId: order.id,
    methodId: order.paymentMethodId,
  });
  if (!parts) throw new Error(`order ${order.id} vanished`);
  return partsFrom(parts);
}

/**
 * The order's own deposit address while money is expected. An order quoted before its method
 * had a watch-only key gets one the first time its payment details are shown.
 */
async function depositOf(db: DbOrTx, order: Order, method: PaymentMethod | undefined, found: Parts['deposit']) {
  const expecting =
    order.totalCents !== null && orderMachine.is.quoted(order.status) && !orderMachine.is.paid(order.status);
  const deposit = found ?? (expecting && method ? await ensureDepositAddress(db, order, method) : undefined);
  const panel =
    deposit && expecting
      ? await depositPanel(deposit, balanceCents(order.totalCents, order.paidCents) ?? 0)
      : undefined;
  return { deposit, depositPanel: panel };
}
type Parts = ReturnType<typeof partsFrom>;

export async function loadOrderPage(db: DbOrTx, order: Order, user: CurrentUser, now = new Date()) {
  return assemble(db, order, orderParts(db, order, isStaff(user.role)), user, now);
}

/** The customer's own order page by number: the order and its lists in one statement. */
export async function loadCustomerOrderPage(db: DbOrTx, number: string, user: CurrentUser, now = new Date()) {
  const { order, ...parts } = await customerOrderAndParts(db, number, user.id);
  return assemble(db, order, partsFrom(parts), user, now);
}

async function assemble(db: DbOrTx, order: Order, loading: Parts | Promise<Parts>, user: CurrentUser, now: Date) {
  const staff = isStaff(user.role);
  const [parts, settings, packing, afterSales, refund] = await Promise.all([
    loading,
    getSettings(db),
    loadPackingPage(db, order, staff),
    afterSalesOfOrder(db, order, now),
    // Only a cancelled order can owe a refund: the others skip the query.
    order.status === 'cancelled' ? refundOfOrder(db, order.id) : undefined,
  ]);
  const { method } = parts;
  return {
    order,
    ...parts,
    ...(await depositOf(db, order, method, parts.deposit)),
    settings,
    packing,
    afterSales,
    refund,
    ...orderPageFacts(order, parts, user, settings.whatsappNumber, now),
    // Only a cancelled order needs to know: its PI stays viewable only if one was issued.
    piIssued: order.status === 'cancelled' && order.quotedAt !== null && !!(await findProformaByOrder(db, order.id)),
    paymentDetailsChanged: !!(
      method &&
      order.quotedAt &&
      method.updatedAt > order.quotedAt &&
      order.status === 'awaiting_payment'
    ),
  };
}
export type OrderPageData = Awaited<ReturnType<typeof loadOrderPage>>;
