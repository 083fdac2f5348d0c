/** Cart: "My cart list", stored per user in the database. */
export { type CheckoutRenderer, cartRoutes } from './cart.routes.js';
export { cartItems } from './cart.tables.js';
export { addToCart } from './actions/add-to-cart.js';
export { cartLines, type CartLine } from './cart.repo.js';
export { CartPage } from './views/cart-page.js';
