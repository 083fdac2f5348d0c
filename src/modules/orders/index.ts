/** Orders: submission from the cart, the state machine, the customer's pages and staff actions. */
export { orderRoutes } from './order.routes.js';
export { staffOrderRoutes } from './staff-order.routes.js';
export { checkoutFor } from './checkout.js';
export { runOrderSweep, startOrderSweep } from './actions/run-order-sweep.js';
export * from './order.machine.js';
export { orders } from './order.tables.js';
export { applyTransition, findCustomerOrder, findOrderByNumber, orderLinesOf, snapshotOf, type Order } from './order.repo.js';
