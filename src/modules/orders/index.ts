/** Orders: submission from the cart, the state machine, the customer's pages and staff actions. */

export { cancelOrder } from './actions/cancel-order.js';
export { confirmDelivery } from './actions/confirm-delivery.js';
export { postMessage } from './actions/post-message.js';
export { runOrderSweep, startOrderSweep } from './actions/run-order-sweep.js';
export { setFreight } from './actions/set-freight.js';
/** The cart becomes an order (the order form and the API); a second submit of one cart names the first order. */
export { CartAlreadyOrdered, submitOrder } from './actions/submit-order.js';
/** Per-order deposit addresses from the payment method's watch-only key (ADR 0033). */
export {
  type DepositAddress,
  depositAddressSql,
  ensureDepositAddress,
  findDepositAddress,
} from './deposit-address.repo.js';
export { submitOrderInput } from './order.inputs.js';
export * from './order.machine.js';
export {
  applyTransition,
  customerOrderWith,
  findCustomerOrder,
  findOrderById,
  findOrderByNumber,
  lockOrder,
  type Order,
  type OrderLine,
  orderFacts,
  orderLineFacts,
  orderLinesOf,
  orderNumberOf,
  QUEUE_COUNT_CAP,
  queueCounts as orderQueueCounts,
  recordPayment,
  recordShipments,
  snapshotOf,
} from './order.repo.js';
export { orderRoutes } from './order.routes.js';
export {
  AUTO_COMPLETE_REMINDER_DAYS,
  balanceCents,
  goodsTotalCents,
  LARGE_ORDER_CENTS,
  type OrderWindows,
  QUOTE_OVERDUE_HOURS,
  shippingMethods,
} from './order.rules.js';
export { noOrderHooks, type OrderHooks } from './order-hooks.port.js';
/** The all-orders list (filters, keyset pages) and its pieces the staff customer page reuses. */
export { type OrderListQuery, orderListFilters, orderListInput } from './order-list.inputs.js';
export { listOrders, type OrderListPage, savedAddressOf } from './order-list.repo.js';
/** The order's own parts of the order pages composed in src/pages. */
export { actorOf, type OrderLists, orderListsSql, orderPageFacts, savedAddressSql } from './order-page.parts.js';
export type { OrderPages } from './order-pages.port.js';
/** Back-office search: orders by number, buyer name or e-mail, and by parcel tracking number. */
export { type OrderHit, searchOrders } from './order-search.repo.js';
/** The business dashboard's order figures over a bounded period. */
export { type OrderStats, orderStats, type PromiseTally, type StatsPeriod } from './order-stats.repo.js';
/** Queue badges are kept per process for at most a second; the action runner drops them after an order change. */
export { BADGES_MAX_AGE_MS, badgesChanged as orderBadgesChanged } from './queue-badges.js';
export { staffOrderRoutes } from './staff-order.routes.js';
export { listHref } from './views/all-orders-page.js';
export { type CheckoutData, CheckoutForm } from './views/checkout-form.js';
export {
  DepositAddressBlock,
  DepositAddressNote,
  type DepositPanel,
  depositAmount,
  depositPanel,
} from './views/deposit-address.js';
export { LinesTable, ProgressStepper, StateBadge, Thread, Timeline } from './views/order-parts.js';
export { FreightForm, StaffCancelForm } from './views/staff-order-forms.js';
