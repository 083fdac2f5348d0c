import { recordAudit } from '../../../platform/audit/index.js';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { findEndpoint, setEnabled } from '../webhook.repo.js';

/**
 * An admin turns an endpoint off (nothing new is queued for it, waiting deliveries wait) or on
 * again (they resume). Twice the same is a conflict; another id is not found.
 */
export async function setEndpointEnabled(db: Db, admin: CurrentUser, id: number, enabled: boolean, now = new Date()) {
  return db.transaction(async (tx) => {
    const before = await findEndpoint(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const row = await setEnabled(tx, id, enabled, now);
    if (!row) throw new AppError('CONFLICT');
    await recordAudit(tx, {
      actor: admin,
      action: enabled ? 'webhook.enable' : 'webhook.disable',
      subject: { type: 'webhook-endpoint', id },
      before: { enabled: before.enabled, disabledReason: before.disabledReason },
      after: { enabled: row.enabled, disabledReason: row.disabledReason },
    });
    return row;
  });
}
