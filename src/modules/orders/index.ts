/** Orders: submission from the cart, the state machine, the customer's pages and staff actions. */

export { runOrderSweep, startOrderSweep } from './actions/run-order-sweep.js';
export { checkoutFor } from './checkout.js';
export * from './order.machine.js';
export {
  applyTransition,
  findCustomerOrder,
  findOrderByNumber,
  lockOrder,
  type Order,
  orderLinesOf,
  QUEUE_COUNT_CAP,
  queueCounts as orderQueueCounts,
  recordPayment,
  snapshotOf,
} from './order.repo.js';
export { orderRoutes } from './order.routes.js';
export { orders } from './order.tables.js';
export { staffOrderRoutes } from './staff-order.routes.js';
