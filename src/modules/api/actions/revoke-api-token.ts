import { recordAudit } from '../../../platform/audit/index.js';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { AppError } from '../../../platform/errors.js';
import { revokeApiToken as revokeRow } from '../token.repo.js';

/** Revokes a token at once (its next request is a 401); revoking twice is a conflict. */
export async function revokeApiToken(actions: ActionContext, admin: CurrentUser, id: number, now = new Date()) {
  return actions.transaction(async (tx) => {
    const row = await revokeRow(tx, id, admin.id, now);
    if (!row) throw new AppError('CONFLICT');
    await recordAudit(tx, {
      actor: admin,
      action: 'api-token.revoke',
      subject: { type: 'api-token', id },
      before: { revokedAt: null },
      after: { name: row.name, revokedAt: now },
    });
    return outcome(row);
  });
}
