import { asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { GENESIS_HASH, recordHash } from './audit.hash.js';
import { auditLog } from './audit.tables.js';

export type ChainCheck =
  | { ok: true; count: number; headHash: string }
  | { ok: false; count: number; id: number; reason: 'gap' | 'prev-hash' | 'hash' };

/**
 * Walks the whole chain in id order, a page at a time (bounded memory): each id follows the
 * previous one (a deleted record leaves a gap), points to the previous hash, and hashes to
 * what it says. Reports the first record that does not.
 */
export async function verifyAuditChain(db: DbOrTx, pageSize = 1000): Promise<ChainCheck> {
  let prev = { id: 0, hash: GENESIS_HASH };
  let count = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, prev.id))
      .orderBy(asc(auditLog.id))
      .limit(pageSize);
    for (const row of page) {
      const { hash, ...fields } = row;
      if (row.id !== prev.id + 1) return { ok: false, count, id: row.id, reason: 'gap' };
      if (row.prevHash !== prev.hash) return { ok: false, count, id: row.id, reason: 'prev-hash' };
      if (recordHash(fields) !== hash) return { ok: false, count, id: row.id, reason: 'hash' };
      prev = { id: row.id, hash };
      count++;
    }
    if (page.length < pageSize) return { ok: true, count, headHash: prev.hash };
  }
}

/** `npm run audit:verify`: prints OK or the first broken record; the exit code says which. */
export async function auditVerifyCommand(db: DbOrTx, print: (line: string) => void): Promise<number> {
  const check = await verifyAuditChain(db);
  if (check.ok) {
    print(`OK: ${check.count} audit records, chain intact. Head hash ${check.headHash}`);
    return 0;
  }
  const why = {
    gap: 'a record before it is missing (deleted)',
    'prev-hash': 'it does not point to the previous record (a record was changed, removed or inserted)',
    hash: 'its content does not match its hash (it was changed)',
  }[check.reason];
  print(`BROKEN at audit record ${check.id}: ${why}. ${check.count} records before it are intact.`);
  return 1;
}
