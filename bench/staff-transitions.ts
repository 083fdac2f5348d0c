/**
 * Staff transitions on orders placed during the run, each phase over the same orders
 * with a few concurrent requests: sales sets freight, the customer uploads a small PNG
 * proof for the exact total (a customer action, timed apart), finance approves it,
 * the warehouse records the packing evidence (timed apart: several forms per order)
 * and marks the order shipped. Every answer must be the 303 of the form.
 */
import { percentile } from './load.js';
import { journeyOf } from './order-submit.js';
import { packingPhoto, recordPackingEvidence } from './packing-evidence.js';
import type { SlotContext, SlotResult } from './slots.js';

const CONCURRENCY = 16;

interface Phase {
  name: string;
  count: number;
  perSecond: number;
  p99: number;
  errors: number;
  statuses: Record<string, number>;
}

/** Runs `fn` over items with `concurrency` workers; fn answers the status (303 is success). */
async function phase<T>(name: string, items: T[], fn: (item: T, i: number) => Promise<number>): Promise<Phase> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const i = next++;
        const start = performance.now();
        let status: string;
        try {
          status = String(await fn(items[i]!, i));
        } catch {
          status = 'error';
        }
        latencies.push(performance.now() - start);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const ok = statuses['303'] ?? 0;
  return {
    name,
    count: items.length,
    perSecond: ok / elapsed,
    p99: Math.round(percentile(latencies, 99)),
    errors: items.length - ok,
    statuses,
  };
}

/** A minimal valid 1×1 PNG, distinct per seed (as test/orders.ts builds them). */
function png(seed: number): Uint8Array {
  const base = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf000001010100187dd3d50000000049454e44ae426082',
    'hex',
  );
  return new Uint8Array(Buffer.concat([base, Buffer.from(`bench-${seed}`)]));
}

export async function staffTransitions(ctx: SlotContext): Promise<SlotResult> {
  const j = journeyOf(ctx);
  const orders = j.placed.slice(0, ctx.quick ? 100 : 600);
  if (!orders.length) throw new Error('staff transitions need orders placed by the submission slot');
  const { sales, finance, warehouse } = j.staff;
  const today = new Date().toISOString().slice(0, 10);

  const freight = await phase(
    'set freight',
    orders,
    async (o) =>
      (await sales.post(`/admin/orders/${o.number}/freight`, { freight: '1250.00', validDays: 7, note: '' })).status,
  );
  const upload = await phase('upload proof (customer)', orders, async (o, i) => {
    const api = await o.by.get(`/api/v1/orders/${o.number}`);
    const total = (JSON.parse(api.body) as { totalCents: number | null }).totalCents;
    if (api.status !== 200 || total === null) return api.status;
    const form = new FormData();
    form.set('amount', (total / 100).toFixed(2));
    form.set('reference', `BENCH-${i}`);
    form.set('paidOn', today);
    form.set('proof', new Blob([png(i)], { type: 'image/png' }), 'proof.png');
    return (await o.by.postMultipart(`/orders/${o.number}/proofs`, form)).status;
  });
  // Finance opens the order (untimed here: that is a page view) to find the proof's approve form.
  const proofIds = new Map<string, string>();
  await phase('open order (finance)', orders, async (o) => {
    const page = await finance.get(`/admin/orders/${o.number}`);
    const id = new RegExp(`/admin/orders/${o.number}/proofs/(\\d+)/approve`).exec(page.body)?.[1];
    if (id) proofIds.set(o.number, id);
    return id ? 303 : page.status;
  });
  const approve = await phase('approve payment', orders, async (o) => {
    const id = proofIds.get(o.number);
    return id ? (await finance.post(`/admin/orders/${o.number}/proofs/${id}/approve`, {})).status : 0;
  });
  const photo = await packingPhoto();
  const packing = await phase('record packing evidence', orders, (o, i) =>
    recordPackingEvidence(warehouse, o.number, i, photo),
  );
  const ship = await phase(
    'mark shipped',
    orders,
    async (o, i) =>
      (await warehouse.post(`/admin/orders/${o.number}/ship`, { carrier: 'DHL', tracking: `BENCH${100000 + i}` }))
        .status,
  );

  const staff = [freight, approve, ship];
  const errors = staff.reduce((s, p) => s + p.errors, 0) + upload.errors + packing.errors;
  const line = (p: Phase) =>
    `${p.name} ${p.perSecond.toFixed(0)}/s p99 ${p.p99} ms${p.errors ? ` (${p.errors} errors ${JSON.stringify(p.statuses)})` : ''}`;
  return {
    summary: `${orders.length} orders, ${CONCURRENCY} concurrent: ${staff.map(line).join(', ')}; ${line(upload)}; ${line(packing)}; ${errors} errors`,
    figures: {
      orders: orders.length,
      concurrency: CONCURRENCY,
      setFreightPerSecond: freight.perSecond,
      approvePerSecond: approve.perSecond,
      shipPerSecond: ship.perSecond,
      uploadPerSecond: upload.perSecond,
      setFreightP99Ms: freight.p99,
      approveP99Ms: approve.p99,
      shipP99Ms: ship.p99,
      uploadP99Ms: upload.p99,
      errors,
    },
  };
}
