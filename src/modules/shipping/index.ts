/** Shipping: lead times, transit windows, shipping methods and carriers. */

export * from './carriers.js';
export * from './lead-time.rules.js';
