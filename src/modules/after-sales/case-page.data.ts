import type { CurrentUser } from '../../platform/auth/current-user.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { findOrderById } from '../orders/index.js';
import { packingEvidenceOf, packingLinesOf } from '../packing/index.js';
import { approvedCenters, findApprovedCenter, findNearestApprovedCenters } from '../repair-centers/index.js';
import { availableCaseEvents, type CaseActor } from './case.machine.js';
import { hasSerials } from './case.policy.js';
import { type Case, caseLinesOf, caseThread, caseTimeline, filesOfCase, snapshotOfCase } from './case.repo.js';

export const caseActorOf = (user: CurrentUser): CaseActor => ({ role: user.role, userId: user.id, via: user.via });

/** What the customer's and support's case pages show, loaded in parallel. */
export async function loadCasePage(db: DbOrTx, c: Case, user: CurrentUser) {
  const [lines, events, messages, files, order, center] = await Promise.all([
    caseLinesOf(db, c.id),
    caseTimeline(db, c.id),
    caseThread(db, c.id),
    filesOfCase(db, c.id),
    findOrderById(db, c.orderId),
    c.repairCenterId ? findApprovedCenter(db, c.repairCenterId) : undefined,
  ]);
  return {
    case: c,
    order: order!,
    lines,
    events,
    messages,
    files,
    center,
    actions: availableCaseEvents(snapshotOfCase(c, lines), caseActorOf(user)),
  };
}
export type CasePageData = Awaited<ReturnType<typeof loadCasePage>>;

/**
 * Support's extras: the order's packing evidence (parcels, seals, photos, unit serials), and for a repair the nearest
 * approved centers servicing the first repairable line's brand (same country as the
 * delivery address first), plus every approved center to choose from.
 */
export async function loadStaffExtras(db: DbOrTx, d: CasePageData) {
  const brand = d.lines.find((l) => hasSerials(l.kind))?.brand;
  const [evidence, packingLines, suggested, all] = await Promise.all([
    packingEvidenceOf(db, d.order.id),
    packingLinesOf(db, d.order.id),
    brand ? findNearestApprovedCenters(db, { country: d.order.country }, brand, 3) : [],
    approvedCenters(db),
  ]);
  return { evidence, packingLines, brand, suggested, all };
}
export type StaffExtras = Awaited<ReturnType<typeof loadStaffExtras>>;
