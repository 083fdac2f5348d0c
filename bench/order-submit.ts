/**
 * Order submission: every submitter (own session, own CSRF token) loops
 * "Add to cart" → GET /cart (the order form, with a fresh form token) → POST /orders,
 * closed loop, for the row duration. Each cycle completes, so carts end empty.
 */
import type { Journey } from './journey.js';
import { percentile } from './load.js';
import type { SlotContext, SlotResult } from './slots.js';

export const orderAddress = {
  fullName: 'Bench Buyer',
  phone: '+34 600 123 456',
  country: 'ES',
  city: 'Madrid',
  address: 'Calle Mayor 1',
  postalCode: '28013',
  shippingMethod: 'air_express',
  cryptoAcknowledged: 'on',
};

export function journeyOf(ctx: SlotContext): Journey {
  if (!ctx.journey) throw new Error('order journey slots need ctx.journey');
  return ctx.journey;
}

export async function orderSubmission(ctx: SlotContext): Promise<SlotResult> {
  return submitOrders(journeyOf(ctx), ctx.seconds);
}

/** What submitting needs from the journey (the scale-out section passes its own submitters). */
export type OrderRun = Pick<Journey, 'submitters' | 'productIds' | 'paymentMethodId' | 'placed'>;

export async function submitOrders(j: OrderRun, seconds: number): Promise<SlotResult> {
  const submit: number[] = [];
  const cycle: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const fail = (what: string) => {
    errors++;
    statuses[what] = (statuses[what] ?? 0) + 1;
  };
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    j.submitters.map(async (b, n) => {
      for (let i = n * 3; performance.now() < until; i++) {
        const c0 = performance.now();
        try {
          const add = await b.post('/cart/items', { productId: j.productIds[i % j.productIds.length]!, quantity: 1 });
          if (add.status !== 303) {
            fail(`add ${add.status}`);
            continue;
          }
          const cart = await b.get('/cart');
          const token = /name="token" value="([^"]+)"/.exec(cart.body)?.[1];
          if (cart.status !== 200 || !token) {
            fail(`cart ${cart.status}${token ? '' : ' without order form'}`);
            continue;
          }
          const s0 = performance.now();
          const res = await b.post('/orders', { token, ...orderAddress, paymentMethodId: j.paymentMethodId });
          submit.push(performance.now() - s0);
          const number = res.location?.match(/^\/orders\/(HC-\d{4}-\d{6})$/)?.[1];
          if (res.status !== 303 || !number) {
            fail(`order ${res.status}`);
            continue;
          }
          j.placed.push({ by: b, number });
          cycle.push(performance.now() - c0);
        } catch {
          fail('connection');
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  submit.sort((a, b) => a - b);
  cycle.sort((a, b) => a - b);
  const perSecond = j.placed.length / elapsed;
  const p50 = Math.round(percentile(submit, 50));
  const p99 = Math.round(percentile(submit, 99));
  const cycleP99 = Math.round(percentile(cycle, 99));
  return {
    summary:
      `${perSecond.toFixed(0)} orders/s (${j.placed.length} by ${j.submitters.length} customers in ${elapsed.toFixed(1)} s), ` +
      `POST /orders p50 ${p50} ms p99 ${p99} ms, add+cart+submit p99 ${cycleP99} ms, ${errors} errors` +
      (errors ? ` ${JSON.stringify(statuses)}` : ''),
    figures: {
      ordersPerSecond: perSecond,
      orders: j.placed.length,
      customers: j.submitters.length,
      p50Ms: p50,
      p99Ms: p99,
      cycleP99Ms: cycleP99,
      errors,
    },
  };
}
