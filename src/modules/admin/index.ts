/** Back office: the staff dashboard (queues arrive with the order journey). */
export { adminRoutes } from './admin.routes.js';
