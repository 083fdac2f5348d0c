import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { notifyRoles } from '../../accounts/index.js';
import { delivered, nextAttemptAt } from '../webhook.rules.js';
import { webhookHeaders } from '../webhook.signing.js';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookMessages } from '../webhook.tables.js';
import { type PostResult, postWebhook } from '../webhook-post.js';

export interface DeliveryOptions {
  allowPrivate: boolean;
  /** The clock (tests move it through the retry schedule instead of waiting). */
  now?: Date;
  timeoutMs?: number;
  batch?: number;
}

/** A claim outlives any attempt (timeout 10 s), so only a crashed process's claim expires. */
const CLAIM_MS = 2 * 60_000;
/** An endpoint that has accepted nothing for this long when a delivery spends its schedule is disabled. */
const DISABLE_AFTER_MS = 24 * 3_600_000;

/**
 * Posts the deliveries that are due, from any process: rows are claimed by one conditional
 * UPDATE (`FOR UPDATE SKIP LOCKED` on PostgreSQL; PGlite has one connection), so two
 * sweepers never post the same delivery at once. No transaction is open while posting.
 */
export async function deliverDueWebhooks(db: Db, opts: DeliveryOptions) {
  const now = opts.now ?? new Date();
  const claimed = (await db.execute(sql`
    update ${webhookDeliveries} set claimed_until = ${new Date(now.getTime() + CLAIM_MS)}, attempts = attempts + 1
     where id in (select d.id from ${webhookDeliveries} d join ${webhookEndpoints} e on e.id = d.endpoint_id
                   where d.state = 'pending' and d.next_attempt_at <= ${now} and e.enabled
                     and (d.claimed_until is null or d.claimed_until < ${now})
                   order by d.next_attempt_at, d.id limit ${opts.batch ?? 20} for update of d skip locked)
    returning id`)) as unknown as { rows: { id: number }[] };
  const ids = claimed.rows.map((r) => r.id);
  if (!ids.length) return { delivered: 0, failed: 0 };
  const due = await db
    .select({
      id: webhookDeliveries.id,
      attempts: webhookDeliveries.attempts,
      endpointId: webhookEndpoints.id,
      url: webhookEndpoints.url,
      secret: webhookEndpoints.secret,
      messageId: webhookMessages.id,
      type: webhookMessages.type,
      data: webhookMessages.data,
      createdAt: webhookMessages.createdAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(webhookMessages, eq(webhookMessages.id, webhookDeliveries.messageId))
    .where(inArray(webhookDeliveries.id, ids));
  const results = await Promise.all(
    due.map(async (d) => {
      // The same bytes on every attempt (jsonb keeps one key order); a fresh timestamp and signature each time.
      const body = JSON.stringify({ type: d.type, timestamp: d.createdAt.toISOString(), data: d.data });
      const result = await postWebhook(d.url, webhookHeaders(d.secret, d.messageId, now, body), body, {
        timeoutMs: opts.timeoutMs ?? 10_000,
        allowPrivate: opts.allowPrivate,
      });
      await recordAttempt(db, d, result, now);
      return result.status !== undefined && delivered(result.status);
    }),
  );
  const ok = results.filter(Boolean).length;
  return { delivered: ok, failed: results.length - ok };
}

/** The attempt in the log, and what it means for the delivery and its endpoint: one transaction. */
async function recordAttempt(
  db: Db,
  d: { id: number; attempts: number; endpointId: number; url: string },
  result: PostResult,
  now: Date,
) {
  const ok = result.status !== undefined && delivered(result.status);
  const retryAt = ok ? null : nextAttemptAt(d.attempts, now);
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      deliveryId: d.id,
      at: now,
      statusCode: result.status ?? null,
      error: result.error ?? (ok ? null : `HTTP ${result.status}`),
      durationMs: result.durationMs,
    });
    await tx
      .update(webhookDeliveries)
      .set(
        ok
          ? { state: 'delivered', deliveredAt: now, claimedUntil: null, nextAttemptAt: null }
          : { state: retryAt ? 'pending' : 'failed', nextAttemptAt: retryAt, claimedUntil: null },
      )
      .where(eq(webhookDeliveries.id, d.id));
    await tx
      .update(webhookEndpoints)
      .set({ failingSince: ok ? null : sql`coalesce(${webhookEndpoints.failingSince}, ${now})` })
      .where(eq(webhookEndpoints.id, d.endpointId));
    if (ok || retryAt) return;
    const [disabled] = await tx
      .update(webhookEndpoints)
      .set({ enabled: false, disabledReason: 'failing', disabledAt: now })
      .where(
        and(
          eq(webhookEndpoints.id, d.endpointId),
          eq(webhookEndpoints.enabled, true),
          lte(webhookEndpoints.failingSince, new Date(now.getTime() - DISABLE_AFTER_MS)),
        ),
      )
      .returning({ url: webhookEndpoints.url });
    if (disabled)
      await notifyRoles(tx, ['admin'], {
        subject: 'mail.webhookDisabled.subject',
        body: 'mail.webhookDisabled.body',
        params: { url: disabled.url },
      });
  });
}

/** Runs the delivery sweep on a timer in every process; returns a stop function. */
export function startWebhookDelivery(
  db: Db,
  opts: { allowPrivate: boolean; everyMs: number; log: (err: unknown) => void },
) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverDueWebhooks(db, { allowPrivate: opts.allowPrivate })
      .catch(opts.log)
      .finally(() => {
        running = false;
      });
  }, opts.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
