/** Cart: "My cart list", stored per user in the database. */

export { addToCart } from './actions/add-to-cart.js';
export { type CartLine, cartAddedAt, cartLines, cartLinesSql, takeOrderedLines } from './cart.repo.js';
export { type CheckoutRenderer, cartRoutes, renderAddRefused } from './cart.routes.js';
export { lineQuantityAllowed, MAX_LINE_QUANTITY } from './cart.rules.js';
export { carryPendingItem } from './pending-item.js';
export { CartPage } from './views/cart-page.js';
