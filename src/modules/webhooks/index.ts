/** Webhooks: events recorded in the changes' transactions, signed deliveries with retries, the admin page. */

export { deliverDueWebhooks, startWebhookDelivery } from './actions/deliver-webhooks.js';
export { type WebhookEvent, type WebhookEventType, webhookEventTypes } from './webhook.events.js';
export { webhookRoutes } from './webhook.routes.js';
export { MAX_ATTEMPTS, retryDelaysMs } from './webhook.rules.js';
export { signWebhook, verifyWebhook } from './webhook.signing.js';
/** Record events inside the caller's transaction (or as CTEs of its statement): the outbox of webhooks. */
export { emitWebhookEvent, emitWebhookEvents, webhookEventsSql } from './webhook-emit.js';
