import { desc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import type { AuditAction, AuditSubject } from './audit.catalog.js';
import { GENESIS_HASH, jsonValue, recordHash } from './audit.hash.js';
import { auditLog } from './audit.tables.js';

/**
 * Who changed something: a signed-in staff member (CurrentUser fits; its `via`, "token <name>"
 * for an API token, is recorded), a user id when that is all the action has (the name and
 * e-mail are then looked up), or null for the operator's console.
 */
export type AuditActor = { id: number; email: string; fullName: string; via?: string } | number | null;

type ActorLookup = (tx: DbOrTx, id: number) => Promise<{ email: string; fullName: string } | undefined>;
let lookupActor: ActorLookup = async () => undefined;

/**
 * Platform never imports a module, so the app hands over how to read a user's name and
 * e-mail (accounts owns them) once at start; the record keeps a snapshot of both.
 */
export function setAuditActorLookup(lookup: ActorLookup) {
  lookupActor = lookup;
}

export interface AuditEntry {
  actor: AuditActor;
  /** "console", "token <name>": how the change came in, when not the back office. */
  via?: string;
  action: AuditAction;
  subject: { type: AuditSubject; id: string | number };
  /** Only the changed fields where easy (`changedFields`); null for a creation. */
  before?: unknown;
  after?: unknown;
}

/** Serializes appends: the chain has one head, so two transactions must not both extend it. */
const AUDIT_LOCK = 774412;

/**
 * Takes the chain's lock now (it is re-entrant: the append later reuses it). An action that
 * locks rows which an audited transition also locks after its own append (products: an
 * admin's cancel releases stock after recording the transition) calls this first, so both
 * take the two locks in the same order and cannot deadlock.
 */
export async function lockAuditChain(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
}

/**
 * Appends one record to the audit chain inside the action's transaction: it commits or rolls
 * back with the change. The transaction-scoped advisory lock makes appends one at a time on
 * PostgreSQL until COMMIT (PGlite has one connection, so they already are); the next SELECT,
 * taken after the lock, sees the head the previous holder committed. Call it last in the
 * action, so the lock is held briefly. `tx` must be a transaction (DbOrTx only for the
 * repositories that take either): outside one the lock would end with its statement.
 */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  let actor = entry.actor;
  const via = entry.via ?? (typeof actor === 'object' ? actor?.via : undefined);
  if (typeof actor === 'number') {
    const found = await lookupActor(tx, actor);
    actor = { id: actor, email: found?.email ?? '', fullName: found?.fullName ?? '' };
  }
  await lockAuditChain(tx);
  const [head] = await tx
    .select({ id: auditLog.id, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1);
  const record = {
    id: (head?.id ?? 0) + 1,
    at: new Date(),
    actorId: actor?.id ?? null,
    actorName: actor?.fullName ?? 'console',
    actorEmail: actor?.email ?? '',
    via: via ?? (actor ? null : 'console'),
    action: entry.action,
    subjectType: entry.subject.type,
    subjectId: String(entry.subject.id),
    before: entry.before === undefined ? null : jsonValue(entry.before),
    after: entry.after === undefined ? null : jsonValue(entry.after),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditLog).values({ ...record, hash: recordHash(record) });
}
