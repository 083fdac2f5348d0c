/**
 * The integration API: `/api/v1` (OpenAPI document, problem details, idempotency keys), the
 * staff API tokens it authenticates, and their admin page. Nothing imports this module but
 * the app: it calls the other modules' actions, never their tables.
 */
export { apiPlugin } from './api.plugin.js';
export { apiTokenRoutes } from './token-admin.routes.js';
