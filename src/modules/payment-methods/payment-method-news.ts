import { and, eq, gt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { jsonRows } from '../../platform/db/json-rows.js';
import type { Bindable } from '../../platform/db/prepared.js';
import { changedFields, changesHowToPay, RECENT_CHANGE_DAYS } from './payment-method.rules.js';
import { type PaymentMethodTerms, paymentMethodChanges } from './payment-method.tables.js';

type ChangeRow = typeof paymentMethodChanges.$inferSelect;

/** Where the changes buyers are told about start: RECENT_CHANGE_DAYS before `now`. */
export const recentChangesSince = (now: Date) => new Date(now.getTime() - RECENT_CHANGE_DAYS * 86_400_000);

/**
 * Changes confirmed since `since` (`recentChangesSince(now)`), as a subquery for a page's
 * single statement (#7): buyers choosing how to pay are told which methods changed lately,
 * so a swap they did not expect prompts a check rather than a payment.
 */
export const recentMethodChanges = (since: Bindable<Date>): SQL<ChangeRow[]> =>
  jsonRows(
    paymentMethodChanges,
    and(eq(paymentMethodChanges.status, 'confirmed'), gt(paymentMethodChanges.decidedAt, since))!,
  );

const asState = (details: string, terms: PaymentMethodTerms) => ({ ...terms, accountDetails: details });

/** The methods whose payment details changed (or that are new) among those offered, latest change first. */
export function recentlyChangedMethods(
  offered: readonly { id: number; name: string }[],
  changes: readonly ChangeRow[],
): { id: number; name: string; changedAt: Date }[] {
  const latest = new Map<number, Date>();
  for (const c of changes) {
    if (!c.paymentMethodId || !c.decidedAt) continue;
    const howToPay =
      c.kind === 'create' ||
      !c.previousTerms ||
      !c.proposedTerms ||
      changesHowToPay(
        changedFields(asState(c.previousDetails ?? '', c.previousTerms), asState(c.proposedDetails, c.proposedTerms)),
      );
    const seen = latest.get(c.paymentMethodId);
    if (howToPay && (!seen || seen < c.decidedAt)) latest.set(c.paymentMethodId, c.decidedAt);
  }
  return offered
    .filter((m) => latest.has(m.id))
    .map((m) => ({ id: m.id, name: m.name, changedAt: latest.get(m.id)! }))
    .sort((a, b) => b.changedAt.getTime() - a.changedAt.getTime());
}

/** `recentlyChangedMethods` for a page that has no statement of its own to join it to. */
export async function loadRecentlyChangedMethods(
  db: DbOrTx,
  offered: readonly { id: number; name: string }[],
  now: Date,
) {
  const [row] = await db.select({ changes: recentMethodChanges(recentChangesSince(now)) }).from(sql`(select 1) one`);
  return recentlyChangedMethods(offered, row?.changes ?? []);
}
