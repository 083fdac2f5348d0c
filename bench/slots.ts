/**
 * Measurements for parts of the app that do not exist yet (the order journey).
 * Each slot probes a route; while it answers 404 the report says "not available yet".
 * To plug one in, give the slot a `run` (and, for orders data, add a generator in
 * bench/generate.ts); everything else (table, JSON, targets) picks it up.
 */
import type { Browser } from './browser.js';
import type { Journey } from './journey.js';
import { liveUpdates } from './live-updates.js';
import { orderSubmission } from './order-submit.js';
import { piPdfTime } from './pi-pdf.js';
import { staffTransitions } from './staff-transitions.js';

export interface SlotContext {
  base: string;
  /** Logged-in customers (own session and CSRF token each). */
  customers: Browser[];
  quick: boolean;
  seconds: number;
  /** The order journey's sessions and state (bench/journey.ts). */
  journey?: Journey;
}

export interface SlotResult {
  /** One line for the table, e.g. "412 orders/s, p99 38 ms, 0 errors". */
  summary: string;
  figures: Record<string, number>;
}

export interface Slot {
  name: string;
  /** GET this (as a logged-in customer): 404 means the feature is not there yet. */
  probe: string;
  run?: (ctx: SlotContext) => Promise<SlotResult>;
}

export type SlotOutcome = {
  name: string;
  status: 'not available yet' | 'no measurement yet' | 'measured';
  probe: string;
  result?: SlotResult;
};

export const slots: Slot[] = [
  { name: 'order submission', probe: '/orders', run: orderSubmission },
  { name: 'staff transitions', probe: '/admin/orders', run: staffTransitions },
  { name: 'live-update latency (SSE)', probe: '/orders', run: liveUpdates },
  { name: 'PI PDF time', probe: '/verify', run: piPdfTime },
];

/** Measurements on the large catalog (none yet); the staff queue at 50,000 vs 500,000 orders is in bench/orders-scale.ts. */
export const scalingSlots: Slot[] = [];

export async function runSlot(slot: Slot, ctx: SlotContext, prober: Browser): Promise<SlotOutcome> {
  const { status } = await prober.get(slot.probe);
  const probe = `GET ${slot.probe} → ${status}`;
  if (status === 404) return { name: slot.name, status: 'not available yet', probe };
  if (!slot.run) return { name: slot.name, status: 'no measurement yet', probe };
  return { name: slot.name, status: 'measured', probe, result: await slot.run(ctx) };
}
