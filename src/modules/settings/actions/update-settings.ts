import { changedFields, recordAudit } from '../../../platform/audit/index.js';
import type { Db } from '../../../platform/db/client.js';
import type { SettingsFormData } from '../settings.inputs.js';
import { getSettings, saveSettings } from '../settings.repo.js';

/** Saves the whole settings form in one statement (all keys or none), and audits what changed. */
export async function updateSettings(db: Db, data: SettingsFormData, userId: number) {
  await db.transaction(async (tx) => {
    const before: Record<string, unknown> = { ...(await getSettings(tx)) };
    await saveSettings(tx, data, userId);
    const diff = changedFields(before, { ...before, ...data });
    await recordAudit(tx, {
      actor: userId,
      action: 'settings.update',
      subject: { type: 'settings', id: 'shop' },
      ...diff,
    });
  });
}
