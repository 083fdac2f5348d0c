import type { Measure } from './load.js';
import type { StockCheck } from './order-stock.js';
import type { OrdersScale } from './orders-scale.js';
import type { PageWeight } from './pages.js';
import type { ScaleOut } from './scale-out.js';
import type { SlotOutcome } from './slots.js';
import type { TargetCheck } from './targets.js';
import type { WriteResult } from './write-path.js';

export interface Row {
  name: string;
  path: string;
  /** 32 connections: throughput. */
  c32: Measure;
  /** 1 connection: latency without queueing. */
  c1: Measure;
}

/** Everything one run measured; written as JSON to bench/results/<timestamp>.json. */
export interface Results {
  meta: {
    date: string;
    quick: boolean;
    /** `--only`: the sections run (all when absent); the parts of the others are absent too. */
    only?: string[];
    node: string;
    cpus: number;
    cpuModel: string;
    database: 'postgres' | 'pglite';
    databaseLabel: string;
    products: number;
    customers: number;
    /** Generated orders at the first measurements (the staff queue's small size). */
    orders: number;
    seconds: number;
    /** 1-minute load average before the run and at its end: other work on the machine skews every figure. */
    loadBefore: number;
    loadAfter: number;
  };
  generation: Record<string, { rows: number; seconds: number }>[];
  baselines: { hello: Row; fastifyDb: Row; fastifyDbStartupMs: number; fastifyDbRssMb: number };
  /**
   * The Fastify+DB baseline measured again right after the logged-in pages: this machine's speed
   * drifts by tens of percent within minutes, so those pages are judged against the mean of the
   * baseline before and after them (absent with `--only orders`).
   */
  fastifyDbAfterPages?: Row;
  reads: Row[];
  /** The pages section's parts (absent with `--only orders`). */
  write?: WriteResult & { stockUnchanged: boolean; cartUnitsMatch: boolean };
  startup?: { ms: number };
  /** byPhase: the highest RSS during each read row and slot, in run order (where the peak comes from). */
  rss?: { idleMb: number; peakMb: number; byPhase?: Record<string, number> };
  weights?: Record<string, PageWeight>;
  scaling?: {
    small: { products: number; listing: Measure };
    large: { products: number; listing: Measure; startupMs: number };
    factor: number;
    /** large/small req/s. */
    kept: number;
  };
  /** Products ordered during the run: stock decrease = units reserved, none negative. */
  orderStock?: StockCheck;
  slots: SlotOutcome[];
  /** Issue 16: 1 process directly vs nginx in front of 1 and 2 processes (PostgreSQL only). */
  scaleOut?: ScaleOut;
  scalingSlots: SlotOutcome[];
  /** Issues 15, 17, 18: the back office and the API at 50,000 and 500,000 orders. */
  orders?: OrdersScale;
  targets: TargetCheck[];
}
