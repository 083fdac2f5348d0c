import { and, isNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { utcMinute } from '../../../platform/mail/index.js';
import { overdueWhere } from '../case.repo.js';
import { afterSalesCases } from '../case.tables.js';
import { mailSupport } from './case-mail.js';

/**
 * A broken promise is flagged to support by e-mail once (DESIGN §4b "Promises with
 * clocks"): the conditional UPDATE claims each newly overdue case, so several processes
 * sweeping at once send one alert. A case alerts again only after a new promise.
 */
export async function alertOverdueCases(db: Db, now = new Date()) {
  return db.transaction(async (tx) => {
    const overdue = await tx
      .update(afterSalesCases)
      .set({ overdueAlertedAt: now })
      .where(and(overdueWhere(now), isNull(afterSalesCases.overdueAlertedAt)))
      .returning({ number: afterSalesCases.number, status: afterSalesCases.status, dueAt: afterSalesCases.dueAt });
    for (const c of overdue) {
      await mailSupport(tx, {
        subject: 'mail.overdueCase.subject',
        body: 'mail.overdueCase.body',
        params: {
          number: c.number,
          state: (w) => w.t(`caseState.${c.status}`),
          due: c.dueAt ? utcMinute(c.dueAt) : '',
        },
      });
    }
    return overdue.map((c) => c.number);
  });
}

export function startCaseSweep(
  db: Db,
  log: (err: unknown) => void,
  everyMs = 60_000,
  /** Called after each run that succeeded (the sweep-lag metric). */
  onSuccess: () => void = () => {},
) {
  const timer = setInterval(() => {
    alertOverdueCases(db).then(onSuccess, log);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
