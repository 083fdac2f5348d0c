/** Shipping: lead times, transit windows and shipping methods. */
export * from './lead-time.rules.js';
