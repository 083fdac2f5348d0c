/** Cart: "My cart list", stored per user in the database. */
export { cartRoutes } from './cart.routes.js';
export { cartItems } from './cart.tables.js';
export { addToCart } from './actions/add-to-cart.js';
export { cartLines, type CartLine } from './cart.repo.js';
