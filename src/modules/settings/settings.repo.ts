import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { parseSettings, type SettingKey, type Settings } from './settings.rules.js';
import { settings } from './settings.tables.js';

/**
 * Settings are read on many pages and changed rarely: each process keeps them for a
 * few seconds. A change in this process is seen at once; other processes see it
 * within CACHE_MS.
 */
const CACHE_MS = 5_000;
let cached: { at: number; value: Settings; db: DbOrTx } | undefined;

export async function getSettings(db: DbOrTx): Promise<Settings> {
  if (cached && cached.db === db && Date.now() - cached.at < CACHE_MS) return cached.value;
  const rows = await db.select().from(settings);
  const value = parseSettings(Object.fromEntries(rows.map((r) => [r.key, r.value])));
  cached = { at: Date.now(), value, db };
  return value;
}

export async function saveSettings(db: DbOrTx, changes: Partial<Settings>, userId: number) {
  const entries = (Object.entries(changes) as [SettingKey, unknown][]).filter(([, value]) => value !== undefined);
  if (!entries.length) return;
  await db
    .insert(settings)
    .values(entries.map(([key, value]) => ({ key, value, updatedBy: userId })))
    .onConflictDoUpdate({
      target: settings.key,
      set: { value: sql`excluded.value`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`now()` },
    });
  cached = undefined;
}
