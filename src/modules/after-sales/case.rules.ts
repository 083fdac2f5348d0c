/** Pure after-sales rules: warranty, deadlines, the next open promise, status tones. No IO. */

import { caseMachine } from './case.machine.js';
import { afterSalesPolicy, evidenceRequired, type ProductKind, policyFor, serialsRequired } from './case.policy.js';
import type { CaseState, CaseType } from './case.states.js';

const DAY = 86_400_000;
export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);

/** Warranty runs from delivery: the order's completion (confirmed by the buyer or automatically). */
export const warrantyEndsAt = (deliveredAt: Date, warrantyDays: number) => addDays(deliveredAt, warrantyDays);
export const withinWarranty = (deliveredAt: Date | null, warrantyDays: number, now: Date) =>
  deliveredAt !== null && now.getTime() <= warrantyEndsAt(deliveredAt, warrantyDays).getTime();

/** An order takes claims once completed and while any of its lines is under warranty. */
export function orderEligible(
  order: { status: string; closedAt: Date | null },
  warranties: readonly number[],
  now: Date,
) {
  return order.status === 'completed' && warranties.some((days) => withinWarranty(order.closedAt, days, now));
}

/** The clocks a new case starts with. */
export function openingDeadlines(type: CaseType, kinds: readonly ProductKind[], now: Date) {
  const p = policyFor(type, kinds);
  return { standardResolution: p.resolution, decisionDueAt: addDays(now, p.decisionDays) };
}

export const reissueDueFrom = (decidedAt: Date, type: CaseType, kinds: readonly ProductKind[]) =>
  addDays(decidedAt, policyFor(type, kinds).reissueShipDays ?? 0);

/** The repair center's own clocks from the day it receives the unit: a diagnosis, then the outcome. */
export const centerDeadlinesFrom = (receivedAt: Date) => ({
  diagnosisDueAt: addDays(receivedAt, afterSalesPolicy.centerDiagnoseDays),
  repairDueAt: addDays(receivedAt, afterSalesPolicy.centerRepairDays),
});

/** A case taken back from a center owes the buyer a new decision, as fast as naming a center the first time. */
export const redecisionDueFrom = (takenBackAt: Date) => addDays(takenBackAt, afterSalesPolicy.repairCenterAssignDays);

export interface CaseClocks {
  decisionDueAt: Date;
  reissueDueAt: Date | null;
  repairDueAt: Date | null;
}

/**
 * The promise still open in a state, which the queue sorts by: support owes a decision,
 * then (for a reissue) a shipment; at the repair center, the center owes its outcome (so an
 * overdue center reaches support's queue and alert, who may take the case back). While the
 * unit travels or the buyer has to act, the shop has no clock running.
 */
export function dueAtFor(status: CaseState, c: CaseClocks): Date | null {
  if (caseMachine.is.undecided(status)) return c.decisionDueAt;
  if (status === 'awaiting_reissue') return c.reissueDueAt;
  if (status === 'at_repair_center') return c.repairDueAt;
  return null;
}

/** The center's clocks as its portal shows them: each open until done, red once passed. */
export function centerClocks(
  c: { status: CaseState; diagnosisDueAt: Date | null; diagnosedAt: Date | null; repairDueAt: Date | null },
  now: Date,
) {
  const atCenter = c.status === 'at_repair_center';
  const open = (due: Date | null, done: boolean) =>
    due && !done ? { dueAt: due, overdue: due.getTime() < now.getTime() } : null;
  return {
    diagnosis: atCenter ? open(c.diagnosisDueAt, c.diagnosedAt !== null) : null,
    repair: atCenter ? open(c.repairDueAt, false) : null,
  };
}

/** Whose move it is (DESIGN §5b colours): buyer amber, staff blue, done green, closed grey. */
export const caseTone: Record<CaseState, 'buyer' | 'staff' | 'done' | 'muted'> = {
  submitted: 'staff',
  under_review: 'staff',
  awaiting_reissue: 'staff',
  awaiting_unit: 'buyer',
  at_repair_center: 'staff',
  reissue_shipped: 'buyer',
  resolved: 'done',
  rejected: 'muted',
};

/** "Due in 1 d 4 h" / "overdue by 3 h": whole hours, at least one. */
export function countdown(dueAt: Date, now: Date): { overdue: boolean; days: number; hours: number } {
  const ms = Math.abs(dueAt.getTime() - now.getTime());
  const totalHours = Math.max(1, Math.round(ms / 3_600_000));
  return { overdue: dueAt.getTime() < now.getTime(), days: Math.floor(totalHours / 24), hours: totalHours % 24 };
}

export interface ClaimCheck {
  order: { status: string; closedAt: Date | null };
  type: CaseType;
  lines: readonly { id: number; kind: ProductKind; warrantyDays: number }[];
  claimed: readonly { orderLineId: number; quantity: number; serials: readonly string[] }[];
  /** Units shipped on the order (the packing record). */
  units: readonly { orderLineId: number; serialNumber: string }[];
  mediaCount: number;
  now: Date;
}

const norm = (serial: string) => serial.trim().toUpperCase();

/**
 * Why a claim cannot be opened, as field errors (empty when it can): the order must be
 * completed, each claimed line under warranty, every serial one shipped on that line,
 * and damage or defects shown in photos or videos.
 */
export function checkClaim(c: ClaimCheck): Record<string, ClaimProblem> {
  const errors: Record<string, ClaimProblem> = {};
  if (c.order.status !== 'completed') return { _form: 'case.orderNotCompleted' };
  for (const claim of c.claimed) {
    const line = c.lines.find((l) => l.id === claim.orderLineId);
    if (!line) continue;
    if (!withinWarranty(c.order.closedAt, line.warrantyDays, c.now)) {
      errors[`qty_${line.id}`] = 'case.outsideWarranty';
      continue;
    }
    const shipped = new Set(c.units.filter((u) => u.orderLineId === line.id).map((u) => norm(u.serialNumber)));
    if (claim.serials.some((s) => !shipped.has(norm(s)))) errors[`serial_${line.id}`] = 'case.serialNotShipped';
    else if (new Set(claim.serials.map(norm)).size !== claim.serials.length)
      errors[`serial_${line.id}`] = 'case.serialRepeated';
    else if (serialsRequired(c.type, line.kind) && claim.serials.length !== claim.quantity)
      errors[`serial_${line.id}`] = 'case.serialsRequired';
  }
  if (evidenceRequired(c.type) && c.mediaCount === 0) errors.media = 'case.evidenceRequired';
  return errors;
}

export type ClaimProblem =
  | 'case.orderNotCompleted'
  | 'case.outsideWarranty'
  | 'case.serialNotShipped'
  | 'case.serialRepeated'
  | 'case.serialsRequired'
  | 'case.evidenceRequired';
