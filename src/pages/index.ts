/**
 * Pages that show several modules at once, composed above them: the order pages, the cart
 * with its order form and the back-office dashboard. The only place that imports several
 * modules' views; modules reach these pages through the renderers the app hands them.
 */
export { backOfficeRoutes } from './back-office/back-office.routes.js';
export { customerPage } from './back-office/customer-page.js';
export { orderPages } from './order/order-pages.js';
export { seoRoutes } from './seo/seo.routes.js';
