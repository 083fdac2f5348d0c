import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { recordPackingEvidence } from '../../../test/orders.js';
import { paidOrder, postRefund } from '../../../test/refunds.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { addEndpoint } from '../../../test/webhooks.js';
import { webhookMessages } from '../../platform/db/schema.js';
import { completedOrder, submitCaseForm } from '../after-sales/after-sales.test-helpers.js';
import { findOrderByNumber } from '../orders/index.js';
import { markShipped } from '../packing/index.js';
import { webhookEventTypes } from './webhook.events.js';

/**
 * Each event of the catalogue comes from the action that makes the change, on the page's
 * path: a test per event, so an action that stops declaring its event fails here.
 */
let t: TestApp;
let buyer: BrowserClient;
const staff = {} as Record<'sales' | 'finance' | 'admin' | 'support', BrowserClient>;
beforeAll(async () => {
  t = await createTestApp();
  buyer = (await loggedInClient(t.app, t.db)).client;
  for (const role of ['sales', 'finance', 'admin', 'support'] as const)
    staff[role] = (await loggedInClient(t.app, t.db, role)).client;
  const added = await addEndpoint(t.app, staff.admin, 'http://127.0.0.1:9/all', webhookEventTypes);
  expect(added.res.statusCode).toBeLessThan(400);
});
afterAll(() => t.close());

/** The events written while `change` ran, oldest first. */
async function emitted(change: () => Promise<unknown>) {
  const before = (await t.db.select({ id: webhookMessages.id }).from(webhookMessages)).map((m) => m.id);
  await change();
  const after = await t.db.select().from(webhookMessages).orderBy(webhookMessages.createdAt);
  return after.filter((m) => !before.includes(m.id)).map((m) => ({ type: m.type, data: m.data }));
}

describe('every webhook event is written by the change it reports', () => {
  it('a proof upload and its approval: payment_proof.submitted and payment.approved (paid in full)', async () => {
    let number = '';
    const events = await emitted(async () => {
      number = (await paidOrder(t.app, t.db, { sales: staff.sales, finance: staff.finance }, buyer)).number;
    });
    expect(events.find((e) => e.type === 'payment_proof.submitted')?.data).toMatchObject({
      number,
      amountCents: 645_000,
    });
    expect(events.find((e) => e.type === 'payment.approved')?.data).toMatchObject({
      number,
      amountCents: 645_000,
      paidInFull: true,
    });
  });

  it('shipping: order.shipped with carrier and tracking numbers', async () => {
    const { number } = await paidOrder(t.app, t.db, { sales: staff.sales, finance: staff.finance }, buyer);
    await recordPackingEvidence(t.db, number);
    const order = (await findOrderByNumber(t.db, number))!;
    const events = await emitted(() =>
      markShipped(t.actions, order, { role: 'warehouse', userId: order.customerId }, 'DHL', ['1234567890']),
    );
    expect(events.find((e) => e.type === 'order.shipped')?.data).toEqual({
      number,
      carrier: 'DHL',
      trackingNumbers: ['1234567890'],
    });
    expect(events.find((e) => e.type === 'order.state_changed')?.data).toMatchObject({ number, to: 'shipped' });
  });

  it('a refund of a cancelled paid order: refund.recorded', async () => {
    const { number } = await paidOrder(t.app, t.db, { sales: staff.sales, finance: staff.finance }, buyer);
    await staff.admin.get(`/admin/orders/${number}`);
    expect((await staff.admin.post(`/admin/orders/${number}/cancel`, { reason: 'Factory delay' })).statusCode).toBe(
      303,
    );
    await staff.finance.get(`/admin/orders/${number}`);
    const events = await emitted(async () =>
      expect((await postRefund(t.app, staff.finance, number, { amount: '6450.00' })).statusCode).toBe(303),
    );
    expect(events.find((e) => e.type === 'refund.recorded')?.data).toMatchObject({
      number,
      amountCents: 645_000,
      refundedCents: 645_000,
    });
  });

  it('an after-sales claim and its review: case.opened and case.state_changed', async () => {
    const o = await completedOrder(t);
    const opened = await emitted(async () => expect((await submitCaseForm(t, o)).statusCode).toBe(303));
    const data = opened.find((e) => e.type === 'case.opened')?.data as { number: string } | undefined;
    expect(data).toMatchObject({ order: o.number, type: 'defective', status: 'submitted' });
    const url = `/admin/after-sales/${data!.number}`;
    await staff.support.get(url);
    const reviewed = await emitted(async () =>
      expect((await staff.support.post(`${url}/events/startReview`, {})).statusCode).toBe(303),
    );
    expect(reviewed).toEqual([
      {
        type: 'case.state_changed',
        data: { number: data!.number, event: 'startReview', from: 'submitted', to: 'under_review' },
      },
    ]);
  });
});
