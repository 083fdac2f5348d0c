/**
 * After-sales service levels (DESIGN §4) are owned by the after-sales policy; the help
 * centre re-exports them so its prose and the case deadlines read the same numbers.
 */
export { afterSalesPolicy } from '../after-sales/index.js';
