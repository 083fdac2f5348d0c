import { and, eq } from 'drizzle-orm';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import { isStaff } from '../../platform/auth/roles.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { jsonRow, jsonRows } from '../../platform/db/json-rows.js';
import { afterSalesOfOrder } from '../after-sales/case-order.data.js';
// Direct files, not invoices/index.ts: that index imports the orders module back.
import { findProformaByOrder } from '../invoices/proforma.repo.js';
// Direct file, not packing/index.ts: packing's routes render the order pages.
import { loadPackingPage } from '../packing/packing-page.data.js';
import { paymentMethods } from '../payment-methods/payment-method.tables.js';
import { paymentProofs } from '../payments/payment.tables.js';
import { getSettings } from '../settings/index.js';
import { type Actor, availableEvents } from './order.machine.js';
import { type Order, snapshotOf } from './order.repo.js';
import { orderWindows, trackingOverdue, whatsappLink } from './order.rules.js';
import { orderEvents, orderLines, orderMessages, orders, shipments } from './order.tables.js';

export const actorOf = (user: CurrentUser): Actor => ({ role: user.role, userId: user.id });

/**
 * Everything the customer's and the staff's order pages show. The lists hanging off the
 * order and its payment method come in one statement: one round trip instead of six (#7).
 * Customers see public events and non-internal messages only.
 */
async function orderParts(db: DbOrTx, order: Order, staff: boolean) {
  const [parts] = await db
    .select({
      lines: jsonRows(orderLines, eq(orderLines.orderId, order.id)),
      events: jsonRows(
        orderEvents,
        and(eq(orderEvents.orderId, order.id), staff ? undefined : eq(orderEvents.public, true))!,
      ),
      messages: jsonRows(
        orderMessages,
        and(eq(orderMessages.orderId, order.id), staff ? undefined : eq(orderMessages.internal, false))!,
      ),
      shipments: jsonRows(shipments, eq(shipments.orderId, order.id)),
      proofs: jsonRows(paymentProofs, eq(paymentProofs.orderId, order.id)),
      method: jsonRow(paymentMethods, eq(paymentMethods.id, order.paymentMethodId)),
    })
    .from(orders)
    .where(eq(orders.id, order.id));
  if (!parts) throw new Error(`order ${order.id} vanished`);
  return { ...parts, method: parts.method ?? undefined };
}

export async function loadOrderPage(db: DbOrTx, order: Order, user: CurrentUser, now = new Date()) {
  const staff = isStaff(user.role);
  const [{ lines, events, messages, shipments, proofs, method }, settings, packing, afterSales] = await Promise.all([
    orderParts(db, order, staff),
    getSettings(db),
    loadPackingPage(db, order, staff),
    afterSalesOfOrder(db, order, now),
  ]);
  return {
    order,
    lines,
    events,
    messages,
    shipments,
    proofs,
    method,
    settings,
    packing,
    afterSales,
    windows: orderWindows(lines, order.shippingMethod),
    actions: availableEvents(snapshotOf(order), actorOf(user), now),
    trackingOverdue: order.status === 'ready_to_ship' && trackingOverdue(order.approvedAt, shipments.length > 0, now),
    whatsapp: whatsappLink(settings.whatsappNumber, `Hello, about order ${order.number}`),
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
