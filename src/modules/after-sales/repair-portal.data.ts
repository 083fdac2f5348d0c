import type { DbOrTx } from '../../platform/db/client.js';
import { findOrderById } from '../orders/index.js';
import { findApprovedCenter } from '../repair-centers/index.js';
import { routedCenterOwner } from './actions/advance-case.js';
import { availableCaseEvents, type CaseActor } from './case.machine.js';
import { type Case, caseLinesOf, caseTimeline, filesOfCase, snapshotOfCase } from './case.repo.js';

export const centerActorOf = (user: { id: number }): CaseActor => ({ role: 'repair_center', userId: user.id });

/**
 * What a center's owner sees of a case: the unit, the fault, the buyer's own photos and videos
 * and the timeline, but not the thread with support. Of the buyer, only what shipping the unit
 * back needs (name, phone, address): never their e-mail nor the order's amounts.
 */
export async function loadPortalCase(db: DbOrTx, c: Case, actor: CaseActor) {
  const [lines, events, files, order, center, centerOwner] = await Promise.all([
    caseLinesOf(db, c.id),
    caseTimeline(db, c.id),
    filesOfCase(db, c.id),
    findOrderById(db, c.orderId),
    c.repairCenterId ? findApprovedCenter(db, c.repairCenterId) : undefined,
    routedCenterOwner(db, c),
  ]);
  const o = order!;
  return {
    case: c,
    lines,
    events,
    files: files.filter((f) => f.messageId === null),
    returnTo: {
      fullName: o.fullName,
      phone: o.phone,
      country: o.country,
      city: o.city,
      address: o.address,
      postalCode: o.postalCode,
    },
    center: center && { id: center.id, name: center.name, city: center.city, country: center.country },
    actions: availableCaseEvents(snapshotOfCase(c, lines, centerOwner), actor),
  };
}
export type PortalCase = Awaited<ReturnType<typeof loadPortalCase>>;
