import type { DbOrTx } from './db/client.js';
import type { FileOwner, Storage } from './storage.js';

/**
 * Files are stored before the row that references them (SECURITY.md), so a crash or a
 * failed transaction can leave a file nobody references, and edits (a removed product
 * picture, a replaced repair-center photo) leave the old file behind. The sweep removes
 * those once they are older than the grace period — long enough that no upload still in
 * flight can have a stored file without its row yet. Folders no owner claims are left
 * alone. Safe on every process: removing a file twice is harmless.
 */
export const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

export async function sweepOrphanFiles(db: DbOrTx, storage: Storage, owners: readonly FileOwner[], now = new Date()) {
  const before = new Date(now.getTime() - ORPHAN_GRACE_MS);
  let removed = await storage.removeStalePartials(before);
  for (const folder of new Set(owners.map((o) => o.folder))) {
    const folderOwners = owners.filter((o) => o.folder === folder);
    const keys = await storage.listOlderThan(folder, before);
    for (let i = 0; i < keys.length; i += BATCH) {
      const batch = keys.slice(i, i + BATCH);
      const kept = new Set((await Promise.all(folderOwners.map((o) => o.referenced(db, batch)))).flat());
      for (const key of batch.filter((k) => !kept.has(k))) {
        await storage.remove(key);
        removed++;
      }
    }
  }
  return removed;
}

export function startFileSweep(
  db: DbOrTx,
  storage: Storage,
  owners: readonly FileOwner[],
  log: (err: unknown) => void,
  everyMs = 3_600_000,
  /** Called after each run that succeeded (the sweep-lag metric). */
  onSuccess: () => void = () => {},
) {
  const timer = setInterval(() => {
    sweepOrphanFiles(db, storage, owners).then(onSuccess, log);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
