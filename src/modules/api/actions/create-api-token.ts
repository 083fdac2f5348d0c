import { recordAudit } from '../../../platform/audit/index.js';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import type { CreateTokenInput } from '../api.inputs.js';
import { insertApiToken } from '../token.repo.js';
import { newApiToken } from '../token.rules.js';

const DAY = 86_400_000;

/** An admin makes a token: only its hash is stored; the token itself is returned to be shown once. */
export async function createApiToken(
  actions: ActionContext,
  admin: CurrentUser,
  input: CreateTokenInput,
  now = new Date(),
) {
  const { token, hash, prefix } = newApiToken();
  return actions.transaction(async (tx) => {
    const row = await insertApiToken(tx, {
      name: input.name,
      tokenHash: hash,
      prefix,
      roles: [...new Set(input.roles)],
      createdBy: admin.id,
      expiresAt: new Date(now.getTime() + input.days * DAY),
    });
    await recordAudit(tx, {
      actor: admin,
      action: 'api-token.create',
      subject: { type: 'api-token', id: row.id },
      after: { name: row.name, roles: row.roles, expiresAt: row.expiresAt },
    });
    return outcome({ token, id: row.id, name: row.name });
  });
}
