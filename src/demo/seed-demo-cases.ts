import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  afterSalesPolicy,
  type CaseEvent,
  type CaseRole,
  type CaseState,
  policyFor,
} from '../modules/after-sales/index.js';
import type { ProductKind } from '../modules/catalog/index.js';
import type { Order } from '../modules/orders/index.js';
import type { Role } from '../platform/auth/roles.js';
import type { Db } from '../platform/db/client.js';
import {
  afterSalesCases,
  caseEvents,
  caseFiles,
  caseLines,
  orderLines,
  packingUnits,
  products,
  repairCenters,
} from '../platform/db/schema.js';
import type { Storage } from '../platform/storage.js';
import { storeDemoPicture } from './demo-picture.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type CaseType = 'wrong_item' | 'missing_item' | 'damaged_in_transit' | 'defective';

/** One demo case: opened `openedAgoH` hours ago, then these events at hours after opening. */
interface DemoCase {
  type: CaseType;
  /** A repair needs a serial-numbered unit; the others take any line. */
  serialised: boolean;
  openedAgoH: number;
  steps: { event: CaseEvent; afterH: number; note?: string }[];
  description: string;
}

/** The after-sales cases of the demo: one or more in each state, one overdue, one deadline missed on record. */
export const demoCases: DemoCase[] = [
  {
    type: 'wrong_item',
    serialised: false,
    openedAgoH: 30,
    steps: [],
    description: 'The box holds a different model from the one on the order.',
  },
  { type: 'defective', serialised: true, openedAgoH: 3, steps: [], description: 'Hash board 2 shows no chips.' },
  {
    type: 'damaged_in_transit',
    serialised: false,
    openedAgoH: 20,
    steps: [{ event: 'startReview', afterH: 2 }],
    description: 'The outer box was crushed and a fan is broken.',
  },
  {
    type: 'missing_item',
    serialised: false,
    openedAgoH: 48,
    steps: [{ event: 'decideReissue', afterH: 6, note: 'Packing list confirms it: we send the missing cables.' }],
    description: 'The power cables were not in the parcel.',
  },
  {
    type: 'defective',
    serialised: true,
    openedAgoH: 96,
    steps: [{ event: 'decideRepair', afterH: 20, note: 'Please send the unit to the repair center below.' }],
    description: 'The miner reboots every ten minutes.',
  },
  {
    type: 'defective',
    serialised: true,
    openedAgoH: 240,
    steps: [
      { event: 'decideRepair', afterH: 24 },
      { event: 'receiveUnit', afterH: 96 },
    ],
    description: 'One hash board is not detected after a firmware update.',
  },
  {
    type: 'wrong_item',
    serialised: false,
    openedAgoH: 144,
    steps: [
      { event: 'decideReissue', afterH: 10 },
      { event: 'shipReissue', afterH: 46 },
    ],
    description: 'We ordered the 200 TH/s version and got the 180 TH/s one.',
  },
  {
    type: 'damaged_in_transit',
    serialised: false,
    openedAgoH: 360,
    // Decided after 30 hours: a deadline missed, on record.
    steps: [
      { event: 'decideReissue', afterH: 30 },
      { event: 'shipReissue', afterH: 54 },
      { event: 'confirmReissueReceived', afterH: 170 },
    ],
    description: 'Water damage on the carton; the PSU does not power on.',
  },
  {
    type: 'defective',
    serialised: false,
    openedAgoH: 210,
    steps: [{ event: 'rejectCase', afterH: 12, note: 'The seal photos show the unit was opened after delivery.' }],
    description: 'The fan is noisy.',
  },
];

const toState: Record<string, CaseState> = {
  startReview: 'under_review',
  decideReissue: 'awaiting_reissue',
  decideRepair: 'awaiting_unit',
  rejectCase: 'rejected',
  shipReissue: 'reissue_shipped',
  receiveUnit: 'at_repair_center',
  markRepaired: 'resolved',
  markUnrepairable: 'awaiting_reissue',
  confirmReissueReceived: 'resolved',
  closeCase: 'resolved',
};
const roleOf = (event: CaseEvent): CaseRole =>
  event === 'confirmReissueReceived'
    ? 'customer'
    : event === 'shipReissue'
      ? 'warehouse'
      : event === 'receiveUnit'
        ? 'repair_center' // the demo center's owner works it in the repair portal
        : 'support';

/**
 * Writes the demo cases on completed demo orders, each as its actions would have left it:
 * the policy's clocks (policyFor, afterSalesPolicy), the timeline, a line (with the unit's
 * serial for a repair) and the buyer's photo. Fixture rows written directly, like the orders.
 */
export async function seedDemoCases(db: Db, storage: Storage, completed: Order[], staff: Map<Role, number>, now: Date) {
  if (!completed.length) return 0;
  const lines = await db
    .select({
      id: orderLines.id,
      orderId: orderLines.orderId,
      kind: products.kind,
      serial: sql<
        string | null
      >`(select min(${packingUnits.serialNumber}) from ${packingUnits} where ${packingUnits.orderLineId} = ${orderLines.id})`,
    })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(
      inArray(
        orderLines.orderId,
        completed.map((o) => o.id),
      ),
    )
    .orderBy(asc(orderLines.id));
  const [center] = await db
    .select({ id: repairCenters.id, ownerId: repairCenters.ownerId })
    .from(repairCenters)
    .where(and(eq(repairCenters.status, 'approved')))
    .orderBy(asc(repairCenters.id))
    .limit(1);
  const used = new Set<number>();
  let written = 0;
  for (const [i, c] of demoCases.entries()) {
    const opened = new Date(now.getTime() - c.openedAgoH * HOUR);
    // The newest completed order delivered before the claim, with a line that fits it.
    const order = [...completed]
      .reverse()
      .find(
        (o) =>
          !used.has(o.id) &&
          o.closedAt !== null &&
          o.closedAt.getTime() < opened.getTime() - HOUR &&
          lines.some((l) => l.orderId === o.id && (!c.serialised || l.serial !== null)),
      );
    if (!order) continue;
    used.add(order.id);
    const line = lines.find((l) => l.orderId === order.id && (!c.serialised || l.serial !== null))!;
    const kinds = [line.kind as ProductKind];
    const policy = policyFor(c.type, kinds);
    const decisionDueAt = new Date(opened.getTime() + policy.decisionDays * DAY);
    let status: CaseState = 'submitted';
    let reissueDueAt: Date | null = null;
    let resolution: 'reissue' | 'repair' | null = null;
    let unitReceivedAt: Date | null = null;
    const events = [
      {
        event: 'submitCase',
        from: null as string | null,
        to: 'submitted',
        at: opened,
        role: 'customer' as CaseRole,
        note: null as string | null,
      },
    ];
    for (const s of c.steps) {
      const at = new Date(opened.getTime() + s.afterH * HOUR);
      const to = toState[s.event]!;
      events.push({ event: s.event, from: status, to, at, role: roleOf(s.event), note: s.note ?? null });
      if (s.event === 'decideReissue') {
        resolution = 'reissue';
        reissueDueAt = new Date(at.getTime() + afterSalesPolicy.generalReissueShipDays * DAY);
      }
      if (s.event === 'decideRepair') resolution = 'repair';
      if (s.event === 'receiveUnit') unitReceivedAt = at;
      status = to;
    }
    const last = events.at(-1)!.at;
    // The center's clocks from the day it received the unit (the demo's one is past its diagnosis).
    const clocks = unitReceivedAt && {
      unitReceivedAt,
      diagnosisDueAt: new Date(unitReceivedAt.getTime() + afterSalesPolicy.centerDiagnoseDays * DAY),
      repairDueAt: new Date(unitReceivedAt.getTime() + afterSalesPolicy.centerRepairDays * DAY),
    };
    const dueAt =
      status === 'submitted' || status === 'under_review'
        ? decisionDueAt
        : status === 'awaiting_reissue'
          ? reissueDueAt
          : null;
    const [number] = (
      (await db.execute(sql`select nextval('after_sales_case_number_seq')::int as n`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(afterSalesCases)
        .values({
          number: `AS-${opened.getUTCFullYear()}-${String(number!.n).padStart(6, '0')}`,
          orderId: order.id,
          customerId: order.customerId,
          type: c.type,
          status,
          description: c.description,
          standardResolution: policy.resolution,
          resolution,
          repairCenterId: resolution === 'repair' ? (center?.id ?? null) : null,
          rejectionReason: status === 'rejected' ? (c.steps.at(-1)?.note ?? null) : null,
          reissueCarrier: status === 'reissue_shipped' || status === 'resolved' ? 'DHL' : null,
          reissueTracking:
            status === 'reissue_shipped' || status === 'resolved'
              ? `JD0146RS${String(order.id).padStart(6, '0')}`
              : null,
          decisionDueAt,
          reissueDueAt,
          ...clocks,
          dueAt,
          createdAt: opened,
          updatedAt: last,
          closedAt: status === 'resolved' || status === 'rejected' ? last : null,
        })
        .returning();
      await tx
        .insert(caseLines)
        .values({ caseId: row!.id, orderLineId: line.id, quantity: 1, serialNumber: line.serial });
      await tx.insert(caseEvents).values(
        events.map((e) => ({
          caseId: row!.id,
          event: e.event,
          fromStatus: e.from,
          toStatus: e.to,
          actorId:
            e.role === 'customer'
              ? order.customerId
              : e.role === 'repair_center'
                ? (center?.ownerId ?? null)
                : (staff.get(e.role) ?? null),
          actorRole: e.role,
          note: e.note,
          createdAt: e.at,
        })),
      );
      const photo = await storeDemoPicture(storage, 'after-sales', 5000 + i);
      await tx.insert(caseFiles).values({
        caseId: row!.id,
        kind: 'photo',
        ...photo,
        previewKey: photo.fileKey,
        uploadedBy: order.customerId,
        createdAt: opened,
      });
    });
    written++;
  }
  return written;
}
