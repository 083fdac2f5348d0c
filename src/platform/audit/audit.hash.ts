import { createHash } from 'node:crypto';

/** The hash the first record points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a record's hash covers: every column but the hash itself. */
export interface HashedFields {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string;
  actorEmail: string;
  via: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  prevHash: string;
}

/**
 * JSON with object keys sorted at every depth and no whitespace: the same value gives the
 * same text whichever order the keys were written in (jsonb reorders them when stored).
 * Values are first reduced to what JSON keeps (dates to ISO strings, undefined dropped).
 */
export function canonicalJson(value: unknown): string {
  return serialize(jsonValue(value));
}

/** The value as it comes back from a jsonb column: what the hash must be computed over. */
export function jsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null');
}

function serialize(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(serialize).join(',')}]`;
  const entries = Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${serialize((v as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** SHA-256 (hex) over the canonical serialization of the record, which includes the previous hash. */
export function recordHash(r: HashedFields): string {
  const fields = { ...r, at: r.at.toISOString(), before: jsonValue(r.before), after: jsonValue(r.after) };
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

/** Only the fields that differ, as `{ before, after }`; keys present on one side only count too. */
export function changedFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b = (jsonValue(before ?? {}) ?? {}) as Record<string, unknown>;
  const a = (jsonValue(after ?? {}) ?? {}) as Record<string, unknown>;
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (canonicalJson(b[k]) === canonicalJson(a[k])) continue;
    if (k in b) out.before[k] = b[k];
    if (k in a) out.after[k] = a[k];
  }
  return out;
}
