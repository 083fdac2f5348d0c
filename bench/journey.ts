/**
 * What the order-journey measurements share: logged-in customers who submit orders,
 * the customer with 50 generated orders (reads, live updates), one session per staff
 * role, and the orders placed during the run (staff transitions work on those).
 */
import { Browser } from './browser.js';
import type { Child } from './child.js';
import { BENCH_PASSWORD } from './generate.js';
import { BENCH_TOTP_SECRET, ORDERS_CUSTOMER, type StaffRole, staffEmail, staffRoles } from './generate-orders.js';
import { logInCustomers } from './write-path.js';

export interface Placed {
  by: Browser;
  number: string;
}

export interface Journey {
  app: Child;
  /** Customers who place orders (not the add-to-cart writers: their carts are checked). */
  submitters: Browser[];
  /** Products orders are placed for (disjoint from the add-to-cart products). */
  productIds: number[];
  paymentMethodId: number;
  staff: Record<StaffRole, Browser>;
  /** The customer with exactly 50 generated orders, and their numbers (newest first). */
  watcher: Browser;
  watcherOrders: string[];
  /** Orders placed by the submission measurement, in order. */
  placed: Placed[];
  /** The app's RSS peak before the SSE streams open (the RSS target is about load, not 2,000 open streams). */
  peakBeforeStreamsMb?: number;
}

export const orderNumbersIn = (html: string) => [
  ...new Set([...html.matchAll(/href="\/orders\/(HC-\d{4}-\d{6})"/g)].map((m) => m[1]!)),
];

export async function logInStaff(base: string): Promise<Record<StaffRole, Browser>> {
  const out = {} as Record<StaffRole, Browser>;
  for (const role of staffRoles) {
    const b = new Browser(base);
    await b.login(staffEmail(role), BENCH_PASSWORD, BENCH_TOTP_SECRET);
    out[role] = b;
  }
  return out;
}

export async function setUpJourney(
  app: Child,
  productIds: number[],
  submitters: number,
  firstSubmitter: number,
): Promise<Journey> {
  const watcher = new Browser(app.url);
  await watcher.login(ORDERS_CUSTOMER, BENCH_PASSWORD);
  const watcherOrders = orderNumbersIn((await watcher.get('/orders')).body);
  if (watcherOrders.length !== 50)
    throw new Error(`${ORDERS_CUSTOMER} lists ${watcherOrders.length} orders, the bench wants 50`);
  const journey: Journey = {
    app,
    submitters: await logInCustomers(app.url, submitters, firstSubmitter),
    productIds,
    paymentMethodId: 0,
    staff: await logInStaff(app.url),
    watcher,
    watcherOrders,
    placed: [],
  };
  // The payment method a customer would pick: the first one the order form offers.
  const probe = journey.submitters[0]!;
  await probe.post('/cart/items', { productId: productIds[0]!, quantity: 1 });
  const cart = (await probe.get('/cart')).body;
  const m = /name="paymentMethodId"[^>]*>\s*<option value="(\d+)"/.exec(cart);
  if (!m?.[1]) throw new Error('the order form offers no payment method');
  journey.paymentMethodId = Number(m[1]);
  return journey;
}
