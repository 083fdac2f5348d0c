import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/index.js';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { requeueDelivery } from '../webhook.repo.js';
import { webhookDeliveries } from '../webhook.tables.js';

/**
 * An admin sends a delivery again from the log: it is queued at once with a fresh retry
 * schedule and the same `webhook-id`, so a receiver that already has it can tell.
 */
export async function redeliver(db: Db, admin: CurrentUser, endpointId: number, deliveryId: number, now = new Date()) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ state: webhookDeliveries.state })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)));
    if (!before) throw new AppError('NOT_FOUND');
    const row = await requeueDelivery(tx, endpointId, deliveryId, now);
    if (!row) throw new AppError('CONFLICT');
    await recordAudit(tx, {
      actor: admin,
      action: 'webhook.redeliver',
      subject: { type: 'webhook-endpoint', id: endpointId },
      before: { delivery: deliveryId, state: before.state },
      after: { delivery: deliveryId, message: row.messageId, state: row.state },
    });
    return row;
  });
}
