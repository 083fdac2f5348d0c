import { isStaff } from '../../platform/auth/roles.js';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { findPaymentMethod } from '../payments/payment-method.repo.js';
import { proofsOf } from '../payments/payment-proof.repo.js';
import { getSettings } from '../settings/index.js';
// Direct files, not invoices/index.ts: that index imports the orders module back.
import { findProformaByOrder } from '../invoices/proforma.repo.js';
// Direct file, not packing/index.ts: packing's routes render the order pages.
import { loadPackingPage } from '../packing/packing-page.data.js';
import { afterSalesOfOrder } from '../after-sales/case-order.data.js';
import { type Actor, availableEvents } from './order.machine.js';
import { type Order, orderLinesOf, orderShipments, orderThread, orderTimeline, snapshotOf } from './order.repo.js';
import { orderWindows, trackingOverdue, whatsappLink } from './order.rules.js';

export const actorOf = (user: CurrentUser): Actor => ({ role: user.role, userId: user.id });

/** Everything the customer's and the staff's order pages show, loaded in parallel. */
export async function loadOrderPage(db: DbOrTx, order: Order, user: CurrentUser, now = new Date()) {
  const staff = isStaff(user.role);
  const [packing, lines, events, messages, shipments, proofs, method, settings, afterSales] = await Promise.all([
    loadPackingPage(db, order, staff),
    orderLinesOf(db, order.id),
    orderTimeline(db, order.id, staff),
    orderThread(db, order.id, staff),
    orderShipments(db, order.id),
    proofsOf(db, order.id),
    findPaymentMethod(db, order.paymentMethodId),
    getSettings(db),
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
    paymentDetailsChanged: !!(method && order.quotedAt && method.updatedAt > order.quotedAt && order.status === 'awaiting_payment'),
  };
}
