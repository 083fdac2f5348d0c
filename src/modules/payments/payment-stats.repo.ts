import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { constant } from '../../platform/db/constant.js';
import { paymentProofs } from './payment.tables.js';

/**
 * The payments' side of the business dashboard over `[from, to)`: money approved by finance
 * per UTC day (the proofs' amounts, by the day of approval; refunds are not subtracted) and
 * the average time from a proof's upload to its approval. Read through payment_proofs_approved_idx.
 */
export async function paymentStats(db: DbOrTx, p: { from: Date; to: Date }) {
  const q = paymentStatsQueries(db, p);
  const [perDay, [avg]] = await Promise.all([q.perDay, q.average]);
  return { perDay, approveAvgHours: avg?.avgHours ?? null };
}
export type PaymentStats = Awaited<ReturnType<typeof paymentStats>>;

/** The statements behind `paymentStats` (its plan test checks they read the partial index). */
export function paymentStatsQueries(db: DbOrTx, p: { from: Date; to: Date }) {
  const where = and(
    eq(paymentProofs.status, constant('approved')),
    gte(paymentProofs.reviewedAt, p.from),
    lt(paymentProofs.reviewedAt, p.to),
  );
  return {
    perDay: db
      .select({
        day: sql<string>`to_char(${paymentProofs.reviewedAt} at time zone 'UTC', 'YYYY-MM-DD')`,
        approvedCents: sql<number>`sum(${paymentProofs.amountCents})`.mapWith(Number),
        proofs: sql<number>`count(*)`.mapWith(Number),
      })
      .from(paymentProofs)
      .where(where)
      .groupBy(sql`1`)
      .orderBy(sql`1`),
    average: db
      .select({
        avgHours: sql<
          number | null
        >`avg(extract(epoch from (${paymentProofs.reviewedAt} - ${paymentProofs.createdAt})) / 3600)`.mapWith((v) =>
          v === null ? null : Number(v),
        ),
      })
      .from(paymentProofs)
      .where(where),
  };
}
