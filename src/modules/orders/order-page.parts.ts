import { and, eq } from 'drizzle-orm';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import { jsonRow, jsonRows } from '../../platform/db/json-rows.js';
import type { Bindable, Correlated } from '../../platform/db/prepared.js';
import { type Actor, availableEvents } from './order.machine.js';
import { type Order, snapshotOf } from './order.repo.js';
import { orderWindows, trackingOverdue, whatsappLink } from './order.rules.js';
import { orderEvents, orderLines, orderMessages, savedAddresses, shipments } from './order.tables.js';

export const actorOf = (user: CurrentUser): Actor => ({ role: user.role, userId: user.id, via: user.via });

/**
 * The order's own lists an order page shows, as subqueries for the page's one statement
 * (other modules add theirs beside them). Customers see public events and non-internal
 * messages only.
 */
export const orderListsSql = (order: { id: Correlated<number> }, staff: boolean) => ({
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
});

export type OrderLists = {
  [K in keyof ReturnType<typeof orderListsSql>]: ReturnType<typeof orderListsSql>[K]['_']['type'];
};

/** What the order module derives for its page from the order and its lists: the rules, not the database. */
export function orderPageFacts(
  order: Order,
  lists: Pick<OrderLists, 'lines' | 'shipments'>,
  user: CurrentUser,
  whatsappNumber: string,
  now: Date,
) {
  return {
    windows: orderWindows(lists.lines, order.shippingMethod),
    actions: availableEvents(snapshotOf(order), actorOf(user), now),
    trackingOverdue:
      order.status === 'ready_to_ship' && trackingOverdue(order.approvedAt, lists.shipments.length > 0, now),
    whatsapp: whatsappLink(whatsappNumber, `Hello, about order ${order.number}`),
  };
}

/** The address the customer last ordered to, as a subquery (the order form starts from it). */
export const savedAddressSql = (userId: Bindable<number>) => jsonRow(savedAddresses, eq(savedAddresses.userId, userId));
