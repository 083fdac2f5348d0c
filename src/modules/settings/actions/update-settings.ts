import type { Db } from '../../../platform/db/client.js';
import type { SettingsFormData } from '../settings.inputs.js';
import { saveSettings } from '../settings.repo.js';

/** Saves the whole settings form in one statement (all keys or none). */
export async function updateSettings(db: Db, data: SettingsFormData, userId: number) {
  await db.transaction((tx) => saveSettings(tx, data, userId));
}
