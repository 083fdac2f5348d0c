import { sql } from 'drizzle-orm';
import type { FileOwner } from '../../platform/storage.js';

/** Photos in `repair-centers/`: referenced by the current version or by an edit waiting for review. */
export const repairCenterFiles: FileOwner = {
  folder: 'repair-centers',
  async referenced(db, keys) {
    const result = await db.execute(sql`
      select k as key from (
        select unnest(photos) as k from repair_centers
        union select jsonb_array_elements_text(pending -> 'photos') from repair_centers where pending is not null
      ) used where k in ${keys}`);
    return (result as unknown as { rows: { key: string }[] }).rows.map((r) => r.key);
  },
};
