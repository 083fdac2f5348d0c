import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db/client.js';
import { auditActions, auditSubjects } from './audit.catalog.js';
import { auditLog } from './audit.tables.js';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'field.filterDate' })
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    { message: 'field.filterDate' },
  );
const positive = z.coerce
  .number({ message: 'field.filterChoice' })
  .int({ message: 'field.filterChoice' })
  .positive({ message: 'field.filterChoice' })
  .max(Number.MAX_SAFE_INTEGER, { message: 'field.filterChoice' });

/**
 * The audit list's query string, strict like the all-orders list: an unknown filter, action
 * or subject type is refused (400) rather than listing something else. Empty means "any".
 */
export const auditListInput = z.preprocess(
  (q) => Object.fromEntries(Object.entries((q ?? {}) as Record<string, unknown>).filter(([, v]) => v !== '')),
  z.strictObject(
    {
      actor: positive.optional(),
      action: z.enum(auditActions, { message: 'field.filterChoice' }).optional(),
      subject: z.enum(auditSubjects, { message: 'field.filterChoice' }).optional(),
      subjectId: z.string().max(100, { message: 'field.filterChoice' }).optional(),
      from: day.optional(),
      to: day.optional(),
      after: positive.optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? 'field.filterUnknown' : undefined) },
  ),
);

export type AuditFilters = z.output<typeof auditListInput>;

export const AUDIT_PAGE = 50;
const DAY = 86_400_000;
const utcDay = (d: string) => new Date(`${d}T00:00:00Z`);

/** Newest first, keyset-paged by id (the chain position only grows): `after` continues past a page. */
export async function listAudit(db: DbOrTx, f: AuditFilters, limit = AUDIT_PAGE) {
  const where: (SQL | undefined)[] = [
    f.actor ? eq(auditLog.actorId, f.actor) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.subject ? eq(auditLog.subjectType, f.subject) : undefined,
    f.subjectId ? eq(auditLog.subjectId, f.subjectId) : undefined,
    f.from ? gte(auditLog.at, utcDay(f.from)) : undefined,
    f.to ? lt(auditLog.at, new Date(utcDay(f.to).getTime() + DAY)) : undefined,
    f.after ? lt(auditLog.id, f.after) : undefined,
  ];
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { rows: page, next: rows.length > limit ? page.at(-1)?.id : undefined };
}

export type AuditPage = Awaited<ReturnType<typeof listAudit>>;
