import { recordAudit } from '../../../platform/audit/index.js';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import type { CreateEndpointInput } from '../webhook.inputs.js';
import { checkEndpointUrl } from '../webhook.rules.js';
import { newWebhookSecret } from '../webhook.signing.js';
import { webhookEndpoints } from '../webhook.tables.js';

/** An admin adds an endpoint; its secret is returned to be shown once (never audited). */
export async function createEndpoint(db: Db, admin: CurrentUser, input: CreateEndpointInput, allowPrivate: boolean) {
  const problem = checkEndpointUrl(input.url, allowPrivate);
  if (problem) throw new AppError('VALIDATION', { fields: { url: problem } });
  const secret = newWebhookSecret();
  const events = [...new Set(input.events)];
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ url: input.url, description: input.description, events, secret, createdBy: admin.id })
      .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url });
    if (!row) throw new Error('endpoint not stored');
    await recordAudit(tx, {
      actor: admin,
      action: 'webhook.create',
      subject: { type: 'webhook-endpoint', id: row.id },
      after: { url: input.url, description: input.description, events },
    });
    return { ...row, secret };
  });
}
