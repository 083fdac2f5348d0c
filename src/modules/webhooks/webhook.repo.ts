import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { userDirectory } from '../accounts/index.js';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookMessages } from './webhook.tables.js';

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

/** Every endpoint without its secret, with who made it and how many deliveries wait or failed. */
export async function listEndpoints(db: DbOrTx) {
  const maker = userDirectory('maker');
  return db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      description: webhookEndpoints.description,
      events: webhookEndpoints.events,
      enabled: webhookEndpoints.enabled,
      disabledReason: webhookEndpoints.disabledReason,
      disabledAt: webhookEndpoints.disabledAt,
      failingSince: webhookEndpoints.failingSince,
      createdAt: webhookEndpoints.createdAt,
      createdByName: maker.fullName,
      pending: sql<number>`(select count(*)::int from ${webhookDeliveries} d where d.endpoint_id = ${webhookEndpoints.id} and d.state = 'pending')`,
      failed: sql<number>`(select count(*)::int from ${webhookDeliveries} d where d.endpoint_id = ${webhookEndpoints.id} and d.state = 'failed')`,
    })
    .from(webhookEndpoints)
    .leftJoin(maker, eq(maker.id, webhookEndpoints.createdBy))
    .orderBy(webhookEndpoints.id);
}
export type EndpointRow = Awaited<ReturnType<typeof listEndpoints>>[number];

export async function findEndpoint(db: DbOrTx, id: number) {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row;
}

/** The endpoint's newest deliveries with their latest attempt: the delivery log. */
export async function recentDeliveries(db: DbOrTx, endpointId: number, limit = 50) {
  return db
    .select({
      id: webhookDeliveries.id,
      messageId: webhookDeliveries.messageId,
      type: webhookMessages.type,
      state: webhookDeliveries.state,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      createdAt: webhookDeliveries.createdAt,
      lastAt: webhookAttempts.at,
      lastStatus: webhookAttempts.statusCode,
      lastError: webhookAttempts.error,
      lastDurationMs: webhookAttempts.durationMs,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookMessages, eq(webhookMessages.id, webhookDeliveries.messageId))
    .leftJoin(
      webhookAttempts,
      eq(
        webhookAttempts.id,
        sql`(select max(a.id) from ${webhookAttempts} a where a.delivery_id = ${webhookDeliveries.id})`,
      ),
    )
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
}
export type DeliveryRow = Awaited<ReturnType<typeof recentDeliveries>>[number];

/** The endpoint's newest attempts: when, which message, the answer's status code or the error, how long. */
export async function recentAttempts(db: DbOrTx, endpointId: number, limit = 100) {
  return db
    .select({
      id: webhookAttempts.id,
      deliveryId: webhookAttempts.deliveryId,
      at: webhookAttempts.at,
      statusCode: webhookAttempts.statusCode,
      error: webhookAttempts.error,
      durationMs: webhookAttempts.durationMs,
      messageId: webhookDeliveries.messageId,
    })
    .from(webhookAttempts)
    .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookAttempts.id))
    .limit(limit);
}
export type AttemptRow = Awaited<ReturnType<typeof recentAttempts>>[number];

/**
 * Queues a delivery again, at once and with a fresh schedule: an admin's redelivery. Refused
 * (no row) while a sweeper holds it, or when it is another endpoint's.
 */
export async function requeueDelivery(tx: DbOrTx, endpointId: number, deliveryId: number, now: Date) {
  const [row] = await tx
    .update(webhookDeliveries)
    .set({ state: 'pending', attempts: 0, nextAttemptAt: now, claimedUntil: null, deliveredAt: null })
    .where(
      and(
        eq(webhookDeliveries.id, deliveryId),
        eq(webhookDeliveries.endpointId, endpointId),
        sql`(${webhookDeliveries.claimedUntil} is null or ${webhookDeliveries.claimedUntil} < ${now})`,
      ),
    )
    .returning({ id: webhookDeliveries.id, messageId: webhookDeliveries.messageId, state: webhookDeliveries.state });
  return row;
}

/** Turns an endpoint on or off; on again, its failure streak starts over. Conditional: no row if already so. */
export async function setEnabled(tx: DbOrTx, id: number, enabled: boolean, now: Date) {
  const [row] = await tx
    .update(webhookEndpoints)
    .set(
      enabled
        ? { enabled, disabledReason: null, disabledAt: null, failingSince: null }
        : { enabled, disabledReason: 'admin', disabledAt: now },
    )
    .where(and(eq(webhookEndpoints.id, id), ne(webhookEndpoints.enabled, enabled)))
    .returning();
  return row;
}
