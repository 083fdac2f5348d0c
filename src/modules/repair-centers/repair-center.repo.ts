import { and, asc, desc, eq, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { cappedCount, oneRow } from '../../platform/db/capped-count.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { userDirectory } from '../accounts/index.js';

const owners = userDirectory('owners');

import type { RepairCenterStatus } from './repair-center.rules.js';
import { type RepairCenterDetails, repairCenters } from './repair-center.tables.js';

export type RepairCenter = typeof repairCenters.$inferSelect;

/** The submitted fields of a center: its pending edit when there is one, else its current version. */
export const submittedVersion = (c: RepairCenter): RepairCenterDetails => c.pending ?? detailsOf(c);

export function detailsOf(c: RepairCenter): RepairCenterDetails {
  const {
    name,
    country,
    city,
    address,
    phone,
    whatsapp,
    email,
    brands,
    models,
    services,
    openingHours,
    website,
    description,
    lat,
    lng,
    photos,
  } = c;
  return {
    name,
    country,
    city,
    address,
    phone,
    whatsapp,
    email,
    brands,
    models,
    services,
    openingHours,
    website,
    description,
    lat,
    lng,
    photos,
  };
}

export async function insertCenter(db: DbOrTx, ownerId: number, details: RepairCenterDetails) {
  const [row] = await db
    .insert(repairCenters)
    .values({ ...details, ownerId })
    .returning({ id: repairCenters.id });
  return row!;
}

const resubmitted = {
  status: 'in_review' as const,
  revision: sql`${repairCenters.revision} + 1`,
  rejectionReason: null,
  submittedAt: sql`now()`,
};

/**
 * Saves an owner's edit in one statement per case: a never-approved center is edited in
 * place; an approved one keeps its public version and gets the edit as `pending`.
 * Returns undefined when the center is not the owner's.
 */
export async function saveOwnerEdit(db: DbOrTx, id: number, ownerId: number, details: RepairCenterDetails) {
  const own = and(eq(repairCenters.id, id), eq(repairCenters.ownerId, ownerId));
  const [draft] = await db
    .update(repairCenters)
    .set({ ...details, ...resubmitted })
    .where(and(own, isNull(repairCenters.publishedAt)))
    .returning({ id: repairCenters.id });
  if (draft) return draft;
  const [published] = await db
    .update(repairCenters)
    .set({ pending: details, ...resubmitted })
    .where(and(own, isNotNull(repairCenters.publishedAt)))
    .returning({ id: repairCenters.id });
  return published;
}

export async function findOwnCenter(db: DbOrTx, id: number, ownerId: number) {
  const [row] = await db
    .select()
    .from(repairCenters)
    .where(and(eq(repairCenters.id, id), eq(repairCenters.ownerId, ownerId)));
  return row;
}

export async function listOwnCenters(db: DbOrTx, ownerId: number) {
  return db.select().from(repairCenters).where(eq(repairCenters.ownerId, ownerId)).orderBy(desc(repairCenters.id));
}

/** Staff: a center with its owner's contact. */
export async function findCenterForReview(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ center: repairCenters, ownerEmail: owners.email, ownerName: owners.fullName })
    .from(repairCenters)
    .innerJoin(owners, eq(owners.id, repairCenters.ownerId))
    .where(eq(repairCenters.id, id));
  return row;
}

/** Submissions waiting for review, counted up to `cap` (the dashboard says "1,000+" beyond). */
export async function countAwaitingReview(db: DbOrTx, cap: number) {
  const [row] = await db
    .select({ n: cappedCount(repairCenters, eq(repairCenters.status, 'in_review'), cap) })
    .from(oneRow);
  return row?.n ?? 0;
}

/** Oldest submission first: the review target is 1–3 business days. */
export async function reviewQueue(db: DbOrTx, limit = 200) {
  return db
    .select({
      id: repairCenters.id,
      name: sql<string>`coalesce(${repairCenters.pending}->>'name', ${repairCenters.name})`,
      country: sql<string>`coalesce(${repairCenters.pending}->>'country', ${repairCenters.country})`,
      isEdit: sql<boolean>`${repairCenters.publishedAt} is not null`,
      submittedAt: repairCenters.submittedAt,
      ownerEmail: owners.email,
    })
    .from(repairCenters)
    .innerJoin(owners, eq(owners.id, repairCenters.ownerId))
    .where(eq(repairCenters.status, 'in_review'))
    .orderBy(asc(repairCenters.submittedAt), asc(repairCenters.id))
    .limit(limit);
}

export const STAFF_CENTER_PAGE = 50;

/**
 * Staff's list of every center, newest first, keyset-paged by id, optionally in one review
 * state; each with the version waiting for review (its pending edit, else its own fields).
 */
export async function listCentersForStaff(
  db: DbOrTx,
  f: { status?: RepairCenterStatus; after?: number },
  limit = STAFF_CENTER_PAGE,
) {
  const rows = await db
    .select({ center: repairCenters, ownerEmail: owners.email })
    .from(repairCenters)
    .innerJoin(owners, eq(owners.id, repairCenters.ownerId))
    .where(
      and(
        f.status ? eq(repairCenters.status, f.status) : undefined,
        f.after === undefined ? undefined : lt(repairCenters.id, f.after),
      ),
    )
    .orderBy(desc(repairCenters.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { rows: page, next: rows.length > limit ? page.at(-1)?.center.id : undefined };
}

/**
 * Approves exactly the revision the reviewer saw: one conditional UPDATE on status and
 * revision. The approved details become the public version. Undefined = already changed.
 */
export async function markApproved(
  db: DbOrTx,
  id: number,
  revision: number,
  reviewerId: number,
  details: RepairCenterDetails,
) {
  const [row] = await db
    .update(repairCenters)
    .set({
      ...details,
      pending: null,
      status: 'approved',
      rejectionReason: null,
      reviewedAt: sql`now()`,
      reviewedBy: reviewerId,
      publishedAt: sql`coalesce(${repairCenters.publishedAt}, now())`,
    })
    .where(and(eq(repairCenters.id, id), eq(repairCenters.status, 'in_review'), eq(repairCenters.revision, revision)))
    .returning({ id: repairCenters.id, ownerId: repairCenters.ownerId, name: repairCenters.name });
  return row;
}

/** Rejects the submission; a published center stays public with its approved version. */
export async function markRejected(db: DbOrTx, id: number, revision: number, reviewerId: number, reason: string) {
  const [row] = await db
    .update(repairCenters)
    .set({ status: 'rejected', rejectionReason: reason, reviewedAt: sql`now()`, reviewedBy: reviewerId })
    .where(and(eq(repairCenters.id, id), eq(repairCenters.status, 'in_review'), eq(repairCenters.revision, revision)))
    .returning({ id: repairCenters.id, ownerId: repairCenters.ownerId });
  return row;
}

const published = isNotNull(repairCenters.publishedAt);
const servicesBrandSql = (brand: string) =>
  sql`exists (select 1 from unnest(${repairCenters.brands}) b where lower(b) = lower(${brand}))`;

/** The public directory: only centers with an approved version, and only that version. */
export async function listPublishedCenters(db: DbOrTx, filter: { country?: string; brand?: string } = {}, limit = 500) {
  const conds: (SQL | undefined)[] = [
    published,
    filter.country ? eq(repairCenters.country, filter.country) : undefined,
    filter.brand ? servicesBrandSql(filter.brand) : undefined,
  ];
  return db
    .select()
    .from(repairCenters)
    .where(and(...conds))
    .orderBy(asc(repairCenters.country), asc(repairCenters.city), asc(repairCenters.name), asc(repairCenters.id))
    .limit(limit);
}

export async function findPublishedCenter(db: DbOrTx, id: number) {
  const [row] = await db
    .select()
    .from(repairCenters)
    .where(and(eq(repairCenters.id, id), published));
  return row;
}

/** Countries and brands present in the public directory, for its filters. */
export async function publishedFacets(db: DbOrTx) {
  const result = await db.execute(sql`
    select array(select distinct country from ${repairCenters} where published_at is not null order by 1) as countries,
           array(select distinct b from ${repairCenters}, unnest(brands) b where published_at is not null order by 1) as brands`);
  const row = (result as unknown as { rows: { countries: string[]; brands: string[] }[] }).rows[0];
  return {
    countries: row?.countries ?? [],
    brands: [...new Map((row?.brands ?? []).map((b) => [b.toLowerCase(), b])).values()],
  };
}

/** Who may see a stored photo: public when in an approved version, else its owner and staff. */
export async function photoAccess(db: DbOrTx, key: string) {
  const [row] = await db
    .select({
      ownerId: repairCenters.ownerId,
      isPublic: sql<boolean>`${repairCenters.publishedAt} is not null and ${key} = any(${repairCenters.photos})`,
    })
    .from(repairCenters)
    .where(
      sql`${key} = any(${repairCenters.photos}) or coalesce(${repairCenters.pending}->'photos', '[]'::jsonb) ? ${key}`,
    )
    .orderBy(desc(sql`${repairCenters.publishedAt} is not null and ${key} = any(${repairCenters.photos})`))
    .limit(1);
  return row;
}

export async function publishedCentersForRanking(db: DbOrTx, brand?: string) {
  return db
    .select()
    .from(repairCenters)
    .where(and(published, brand ? servicesBrandSql(brand) : undefined));
}

/** Approved (published) centers for the decide-repair form, beyond the suggested ones. */
export const approvedCenters = (db: DbOrTx) =>
  db
    .select({
      id: repairCenters.id,
      name: repairCenters.name,
      city: repairCenters.city,
      country: repairCenters.country,
    })
    .from(repairCenters)
    .where(isNotNull(repairCenters.publishedAt))
    .orderBy(asc(repairCenters.country), asc(repairCenters.name))
    .limit(500);

export async function findApprovedCenter(db: DbOrTx, id: number) {
  const [row] = await db
    .select()
    .from(repairCenters)
    .where(and(eq(repairCenters.id, id), isNotNull(repairCenters.publishedAt)));
  return row;
}

/** Every published center with when it was last approved, for the sitemap. */
export const publishedCenterDates = (db: DbOrTx) =>
  db
    .select({ id: repairCenters.id, publishedAt: repairCenters.publishedAt })
    .from(repairCenters)
    .where(isNotNull(repairCenters.publishedAt))
    .orderBy(asc(repairCenters.id));

/** The owner of an approved center: who may work the after-sales cases routed to it. Null once withdrawn. */
export async function approvedCenterOwner(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ ownerId: repairCenters.ownerId })
    .from(repairCenters)
    .where(and(eq(repairCenters.id, id), published));
  return row?.ownerId ?? null;
}

/** A user's approved centers: the repair portal shows the cases routed to these, and only these. */
export const ownApprovedCenters = (db: DbOrTx, ownerId: number) =>
  db
    .select({
      id: repairCenters.id,
      name: repairCenters.name,
      city: repairCenters.city,
      country: repairCenters.country,
    })
    .from(repairCenters)
    .where(and(eq(repairCenters.ownerId, ownerId), published))
    .orderBy(asc(repairCenters.id));

/**
 * Withdraws an approved center: off the directory, out of routing, and its owner loses the
 * repair portal's cases at once. One conditional UPDATE: undefined when it was not approved.
 */
export async function markWithdrawn(db: DbOrTx, id: number, reviewerId: number, reason: string) {
  const [row] = await db
    .update(repairCenters)
    .set({
      status: 'withdrawn',
      publishedAt: null,
      pending: null,
      rejectionReason: reason,
      reviewedAt: sql`now()`,
      reviewedBy: reviewerId,
    })
    .where(and(eq(repairCenters.id, id), published))
    .returning({ id: repairCenters.id, ownerId: repairCenters.ownerId, name: repairCenters.name });
  return row;
}
