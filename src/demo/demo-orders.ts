/**
 * The demo's order book as a plan (pure, deterministic: a fixed-seed generator and times
 * relative to the moment of seeding): about two months of orders that went the usual way,
 * and a few chosen ones so every state, queue and broken promise has something to show.
 * seed-demo-orders.ts writes it.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** mulberry32: a tiny PRNG, so the demo is the same on every machine. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const demoBuyers = [
  {
    email: 'customer@demo.hashcart.test',
    city: 'Madrid',
    country: 'ES',
    address: 'Calle Mayor 1',
    postalCode: '28013',
  },
  {
    email: 'repairs@demo.hashcart.test',
    city: 'Lisboa',
    country: 'PT',
    address: 'Rua Augusta 20',
    postalCode: '1100-053',
  },
  // Buyers only the demo's orders use (same password as the demo logins).
  {
    email: 'mining.kz@demo.hashcart.test',
    fullName: 'Nurlan Abenov',
    city: 'Almaty',
    country: 'KZ',
    address: 'Abay Ave 10',
    postalCode: '050000',
  },
  {
    email: 'texas.hosting@demo.hashcart.test',
    fullName: 'Jake Miller',
    city: 'Houston',
    country: 'US',
    address: '1200 Main St',
    postalCode: '77002',
  },
  {
    email: 'paraguay.hydro@demo.hashcart.test',
    fullName: 'Lucía Benítez',
    city: 'Asunción',
    country: 'PY',
    address: 'Av. Mariscal López 3500',
    postalCode: '1209',
  },
  {
    email: 'nordic.mining@demo.hashcart.test',
    fullName: 'Erik Lindqvist',
    city: 'Luleå',
    country: 'SE',
    address: 'Storgatan 5',
    postalCode: '972 38',
  },
] as const;

/** What happens to an order after submission, in hours after the previous step (null: not yet / never). */
export interface DemoOrderPlan {
  buyer: number;
  createdAt: Date;
  shippingMethod: 'air_express' | 'air_freight';
  /** Indexes into the shop's in-stock products and the quantities. */
  lines: { product: number; quantity: number }[];
  quoteAfterH: number | null;
  /** Proof uploads after the quote; the first may be rejected or cover part of the total. */
  payAfterH: number | null;
  firstProof: 'full' | 'rejected' | 'partial';
  /** Finance's review of the first proof, hours after its upload. */
  reviewAfterH: number | null;
  /** After a rejected or partial first proof: the next upload (after the review) and its review. */
  secondPayAfterH: number | null;
  secondReviewAfterH: number | null;
  shipAfterH: number | null;
  deliverAfterH: number | null;
  /** Cancelled by the buyer before paying, hours after the quote (instead of paying). */
  cancelByBuyerAfterH?: number;
  /** Cancelled by an admin after payment approval (a refund due), hours after approval. */
  cancelPaidAfterH?: number;
}

/**
 * The plan: `historyCount` ordinary orders spread over the last 60 days (their state is
 * where their timeline stands now), then the chosen ones that make every queue non-empty.
 */
export function demoOrderPlan(
  now: Date,
  productCount: number,
  paymentDeadlineHours: number,
  seed = 2026,
  historyCount = 70,
): DemoOrderPlan[] {
  const rand = seededRandom(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const between = (min: number, max: number) => Math.round((min + rand() * (max - min)) * 10) / 10;
  const lines = () => {
    const first = pick(productCount);
    const more =
      rand() < 0.3 ? [{ product: (first + 1 + pick(productCount - 1)) % productCount, quantity: 1 + pick(4) }] : [];
    return [{ product: first, quantity: 1 + pick(rand() < 0.2 ? 10 : 3) }, ...more];
  };
  const at = (ago: number) => new Date(now.getTime() - ago);
  const plans: DemoOrderPlan[] = [];
  for (let i = 0; i < historyCount; i++) {
    const fate = rand();
    plans.push({
      buyer: pick(demoBuyers.length),
      createdAt: at(between(1, 60) * DAY),
      shippingMethod: rand() < 0.7 ? 'air_express' : 'air_freight',
      lines: lines(),
      // Most quotes within the day; some late (a broken promise).
      quoteAfterH: rand() < 0.85 ? between(1, 20) : between(26, 40),
      payAfterH: between(2, 40),
      firstProof: fate < 0.08 ? 'rejected' : fate < 0.14 ? 'partial' : 'full',
      reviewAfterH: between(0.5, 10),
      secondPayAfterH: between(3, 30),
      secondReviewAfterH: between(0.5, 8),
      // Tracking within 4 days of payment, except now and then.
      shipAfterH: rand() < 0.88 ? between(20, 90) : between(100, 130),
      deliverAfterH: between(3 * 24, 7 * 24),
      ...(fate > 0.93 ? { cancelByBuyerAfterH: between(2, 30) } : {}),
    });
  }
  const chosen = (p: Partial<DemoOrderPlan> & { createdAgoH: number }): DemoOrderPlan => {
    const { createdAgoH, ...rest } = p;
    return {
      buyer: pick(demoBuyers.length),
      createdAt: at(createdAgoH * HOUR),
      shippingMethod: 'air_express',
      lines: lines(),
      quoteAfterH: null,
      payAfterH: null,
      firstProof: 'full',
      reviewAfterH: null,
      secondPayAfterH: null,
      secondReviewAfterH: null,
      shipAfterH: null,
      deliverAfterH: null,
      ...rest,
    };
  };
  plans.push(
    // Awaiting quote: one fresh, one for the Ana login, one late (overdue).
    chosen({ createdAgoH: 2 }),
    chosen({ createdAgoH: 5, buyer: 0 }),
    chosen({ createdAgoH: 31 }),
    // Awaiting payment: quoted this morning; the payment deadline near (overdue); partly paid.
    chosen({ createdAgoH: 9, quoteAfterH: 3, buyer: 0 }),
    chosen({ createdAgoH: paymentDeadlineHours - 6 + 4, quoteAfterH: 4 }),
    chosen({ createdAgoH: 40, quoteAfterH: 2, payAfterH: 6, firstProof: 'partial', reviewAfterH: 2 }),
    // Payment review: proofs waiting for finance (one after a rejected proof).
    chosen({ createdAgoH: 20, quoteAfterH: 2, payAfterH: 10 }),
    chosen({ createdAgoH: 30, quoteAfterH: 5, payAfterH: 20, buyer: 0 }),
    chosen({
      createdAgoH: 50,
      quoteAfterH: 3,
      payAfterH: 8,
      firstProof: 'rejected',
      reviewAfterH: 4,
      secondPayAfterH: 5,
    }),
    // Ready to ship: paid yesterday; paid 5 days ago without tracking (overdue).
    chosen({ createdAgoH: 60, quoteAfterH: 4, payAfterH: 20, reviewAfterH: 3 }),
    chosen({ createdAgoH: 160, quoteAfterH: 6, payAfterH: 20, reviewAfterH: 2 }),
    // Shipped, with the packing evidence on the buyer's page.
    chosen({ createdAgoH: 130, quoteAfterH: 3, payAfterH: 12, reviewAfterH: 2, shipAfterH: 50, buyer: 0 }),
    chosen({ createdAgoH: 150, quoteAfterH: 8, payAfterH: 24, reviewAfterH: 4, shipAfterH: 40 }),
    // Cancelled after payment by an admin: a refund due.
    chosen({ createdAgoH: 120, quoteAfterH: 2, payAfterH: 10, reviewAfterH: 2, cancelPaidAfterH: 30 }),
  );
  return plans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** A step's time, or null when it has not happened by `now` (or never will). */
export const stepAt = (from: Date | null, afterH: number | null | undefined, now: Date) => {
  if (!from || afterH === null || afterH === undefined) return null;
  const t = new Date(from.getTime() + afterH * HOUR);
  return t.getTime() <= now.getTime() ? t : null;
};
