import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { WebhookEvent } from './webhook.events.js';
import { webhookDeliveries, webhookEndpoints, webhookMessages } from './webhook.tables.js';

/**
 * The CTEs that record events and queue one delivery per enabled endpoint subscribed to
 * each: `source` is a SELECT of (type, data). An event nobody subscribes to stores nothing.
 * A caller saving a round trip splices them into its own statement's WITH.
 */
export const webhookEventsSql = (source: SQL) => sql`
  wh_src (type, data) as (${source}),
  wh_msg as (
    insert into ${webhookMessages} (id, type, data)
    select 'msg_' || replace(gen_random_uuid()::text, '-', ''), s.type, s.data from wh_src s
     where exists (select 1 from ${webhookEndpoints} e where e.enabled and s.type = any(e.events))
    returning id, type
  ), wh_queue as (
    insert into ${webhookDeliveries} (message_id, endpoint_id)
    select m.id, e.id from wh_msg m join ${webhookEndpoints} e on e.enabled and m.type = any(e.events)
  )`;

/**
 * Records events in the caller's transaction, like mail in the outbox: they commit or roll
 * back with the change, and the delivery sweeper posts them after COMMIT. One statement.
 */
export async function emitWebhookEvents(tx: DbOrTx, events: readonly WebhookEvent[]): Promise<void> {
  if (!events.length) return;
  const rows = sql.join(
    events.map((e) => sql`(${e.type}::text, ${JSON.stringify(e.data)}::jsonb)`),
    sql`, `,
  );
  await tx.execute(sql`with ${webhookEventsSql(sql`values ${rows}`)} select 1`);
}

export const emitWebhookEvent = (tx: DbOrTx, event: WebhookEvent) => emitWebhookEvents(tx, [event]);
