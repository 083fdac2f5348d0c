import { and, gte, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { CaseEvent } from './case.machine.js';
import { afterSalesCases, caseEvents } from './case.tables.js';

const decisions: readonly CaseEvent[] = ['decideReissue', 'decideRepair', 'rejectCase'];
const list = (events: readonly CaseEvent[]) =>
  sql.raw(events.map((e) => `'${e.replace(/[^A-Za-z]/g, '')}'`).join(', '));

/** When the case first reached the event(s): a scalar subquery over its timeline (after_sales_case_events_case_idx). */
const firstAt = (events: readonly CaseEvent[]) =>
  sql`(select min(e.created_at) from ${caseEvents} e where e.case_id = ${afterSalesCases.id} and e.event in (${list(events)}))`;

/**
 * The after-sales promises of the cases opened in `[from, to)`: the decision by
 * `decision_due_at` and the reissue shipped by `reissue_due_at`, both set from the policy
 * when the case was opened or decided. A promise falls due once kept, or once its deadline
 * passed unkept. Read through after_sales_cases_created_idx.
 */
export async function casePromiseStats(db: DbOrTx, p: { from: Date; to: Date; now: Date }) {
  const now = sql`${p.now.toISOString()}::timestamptz`;
  const decidedAt = firstAt(decisions);
  const reissuedAt = firstAt(['shipReissue']);
  const c = afterSalesCases;
  const [row] = await db
    .select({
      decisionDue: sql<number>`count(*) filter (where ${decidedAt} is not null or ${c.decisionDueAt} < ${now})`.mapWith(
        Number,
      ),
      decisionKept: sql<number>`count(*) filter (where ${decidedAt} <= ${c.decisionDueAt})`.mapWith(Number),
      reissueDue:
        sql<number>`count(*) filter (where ${c.reissueDueAt} is not null and (${reissuedAt} is not null or ${c.reissueDueAt} < ${now}))`.mapWith(
          Number,
        ),
      reissueKept: sql<number>`count(*) filter (where ${reissuedAt} <= ${c.reissueDueAt})`.mapWith(Number),
    })
    .from(c)
    .where(and(gte(c.createdAt, p.from), lt(c.createdAt, p.to)));
  return {
    due: (row?.decisionDue ?? 0) + (row?.reissueDue ?? 0),
    kept: (row?.decisionKept ?? 0) + (row?.reissueKept ?? 0),
  };
}
