/**
 * The integration API: `/api/v1` (OpenAPI document, problem details, idempotency keys), the
 * staff API tokens it authenticates, and their admin page. Nothing imports this module but
 * the app: it calls the other modules' actions, never their tables.
 */

/** Deletes idempotency keys past their 24 hours; safe on every process. */
export { startIdempotencySweep, sweepIdempotencyKeys } from './actions/sweep-idempotency-keys.js';
export { apiPlugin } from './api.plugin.js';
export { apiTokenRoutes } from './token-admin.routes.js';
