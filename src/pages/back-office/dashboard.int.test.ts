import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedInClient } from '../../../test/browser-client.js';
import { placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { approvedCenter, completedOrder, submitCaseForm } from '../../modules/after-sales/after-sales.test-helpers.js';
import type { Role } from '../../platform/auth/roles.js';
import { orders } from '../../platform/db/schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The dashboard's tiles as "label: count" lines, in page order. */
async function tiles(role: Role) {
  const { client } = await loggedInClient(t.app, t.db, role);
  const page = await client.get('/admin');
  expect(page.statusCode).toBe(200);
  return [
    ...page.body.matchAll(
      /<li class="(overdue|)"><a href="([^"]+)"><span class="count">([^<]+)<\/span><span>([^<]+)<\/span>/g,
    ),
  ].map(([, overdue, href, count, label]) => `${label}: ${count}${overdue ? ' (overdue)' : ''} → ${href}`);
}

describe('back-office dashboard', () => {
  it('shows each role the queues it acts on, with counts, and flags overdue promises', async () => {
    const buyer = await loggedInClient(t.app, t.db);
    await placeOrder(buyer.client, t.db);
    // An order waiting for its quote for two days is overdue.
    const { number } = await placeOrder(buyer.client, t.db);
    await t.db
      .update(orders)
      .set({ createdAt: new Date(Date.now() - 2 * 86_400_000), updatedAt: new Date(Date.now() - 2 * 86_400_000) })
      .where(eq(orders.number, number));
    const claim = await completedOrder(t, { kind: 'miner', quantity: 1 });
    expect((await submitCaseForm(t, claim)).statusCode).toBe(303);
    await approvedCenter(t, { status: 'in_review', publishedAt: null });

    expect(await tiles('sales')).toEqual([
      'Awaiting quote: 2 → /admin/orders?queue=awaiting_quote',
      'Overdue orders: 1 (overdue) → /admin/orders?queue=overdue',
    ]);
    expect(await tiles('finance')).toEqual([
      'Payments to review: 0 → /admin/orders?queue=payment_review',
      'Overdue orders: 1 (overdue) → /admin/orders?queue=overdue',
      'Refunds due: 0 → /admin/refunds',
    ]);
    expect(await tiles('support')).toEqual([
      'Open after-sales cases: 1 → /admin/after-sales',
      'Overdue after-sales cases: 0 → /admin/after-sales?queue=overdue',
      'Repair centers to review: 1 → /admin/repair-centers',
    ]);
    expect(await tiles('admin')).toHaveLength(8);
  });
});
