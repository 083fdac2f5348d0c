import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiUpload, createApiToken, sessionApi } from '../../../test/api.js';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { placeOrder, png, recordPackingEvidence, today, uploadProof } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { orders, paymentProofs } from '../../platform/db/schema.js';
import { completedOrder, submitCaseForm } from '../after-sales/after-sales.test-helpers.js';

/** Who may do what through the new operations: roles from the machines, 404 for another buyer's objects. */
let t: TestApp;
let admin: BrowserClient;
let buyer: BrowserClient;
let other: BrowserClient;
const roles = ['sales', 'finance', 'warehouse', 'support'] as const;
const tok = {} as Record<(typeof roles)[number], string>;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await loggedInClient(t.app, t.db, 'admin')).client;
  for (const role of roles) tok[role] = (await createApiToken(t.app, admin, [role])).token;
  buyer = (await loggedInClient(t.app, t.db)).client;
  other = (await loggedInClient(t.app, t.db)).client;
  await buyer.get('/cart');
  await other.get('/cart');
});
afterAll(() => t.close());

const status = async (number: string) =>
  (await t.db.select({ s: orders.status }).from(orders).where(eq(orders.number, number)))[0]!.s;
const proof = { amountCents: '10000', reference: 'WIRE-77', paidOn: today() };
const file = (seed: number) => ({ field: 'proof', name: 'p.png', type: 'image/png', data: png(seed) });

async function awaitingPayment() {
  const { number } = await placeOrder(buyer, t.db);
  await api(t.app, tok.sales, 'POST', `/api/v1/orders/${number}/freight`, { freightCents: 45_000 });
  return number;
}

describe('orders through the API: roles and ownership', () => {
  it('only the warehouse ships and packs; other roles get 403 and nothing changes', async () => {
    const number = await awaitingPayment();
    await buyer.get(`/orders/${number}`);
    await uploadProof(
      t.app,
      buyer,
      number,
      { amount: '6450.00', reference: 'FULL-1', paidOn: today() },
      {
        name: 'p.png',
        type: 'image/png',
        data: png(901),
      },
    );
    const [p] = await t.db.select().from(paymentProofs).where(eq(paymentProofs.reference, 'FULL-1'));
    expect((await api(t.app, tok.sales, 'POST', `/api/v1/orders/${number}/proofs/${p!.id}/approve`)).statusCode).toBe(
      403,
    );
    await api(t.app, tok.finance, 'POST', `/api/v1/orders/${number}/proofs/${p!.id}/approve`);
    await recordPackingEvidence(t.db, number);
    const ship = { carrier: 'DHL', trackingNumbers: ['1234567890'] };
    for (const role of ['sales', 'finance', 'support'] as const) {
      expect((await api(t.app, tok[role], 'POST', `/api/v1/orders/${number}/ship`, ship)).statusCode).toBe(403);
      const parcel = await api(t.app, tok[role], 'POST', `/api/v1/orders/${number}/packing/parcels`, { seals: ['X1'] });
      expect(parcel.statusCode).toBe(403);
    }
    expect(await status(number)).toBe('ready_to_ship');
    // A buyer's session cannot ship its own order either.
    expect((await sessionApi(t.app, buyer, 'POST', `/api/v1/orders/${number}/ship`, ship)).statusCode).toBe(403);
    expect((await api(t.app, tok.warehouse, 'POST', `/api/v1/orders/${number}/ship`, ship)).statusCode).toBe(200);
  });

  it('a proof is uploaded by the order’s buyer only: a token is refused, another buyer gets 404', async () => {
    const number = await awaitingPayment();
    const url = `/api/v1/orders/${number}/proofs`;
    expect((await apiUpload(t.app, tok.finance, url, proof, file(1))).statusCode).toBe(403);
    const theirs = await apiUpload(t.app, other, url, proof, file(2));
    expect(theirs.statusCode).toBe(404);
    expect((await sessionApi(t.app, other, 'GET', `/api/v1/orders/${number}/proofs`)).statusCode).toBe(404);
    expect(await status(number)).toBe('awaiting_payment');
    // Without the CSRF header the session cannot upload (a page on another site cannot either).
    const forged = await apiUpload(t.app, buyer, url, proof, file(3), { 'x-csrf-token': 'forged' });
    expect(forged.statusCode).toBe(403);
    const crossSite = await apiUpload(t.app, buyer, url, proof, file(3), { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    expect(await status(number)).toBe('awaiting_payment');

    const mine = await apiUpload(t.app, buyer, url, proof, file(4));
    expect(mine.statusCode, mine.body).toBe(201);
    const list = (await sessionApi(t.app, buyer, 'GET', `/api/v1/orders/${number}/proofs`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].duplicateOfOrder).toBeNull();
    // The same file on another order is flagged to finance (the upload policy's SHA-256 rule).
    const second = await awaitingPayment();
    await apiUpload(t.app, buyer, `/api/v1/orders/${second}/proofs`, proof, file(4));
    const queue = (await api(t.app, tok.finance, 'GET', '/api/v1/proofs?status=pending')).json().items;
    expect(queue.find((p: { orderNumber: string }) => p.orderNumber === second).duplicateOfOrder).toBe(number);
    // Not an allowed type by its bytes: refused with the form's message, nothing stored.
    const exe = { field: 'proof', name: 'p.png', type: 'image/png', data: Buffer.from('MZ not an image at all') };
    const refused = await apiUpload(t.app, buyer, url, proof, exe);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ field: 'proof' });
    const badFields = await apiUpload(t.app, buyer, url, { ...proof, amountCents: 'lots', extra: '1' }, file(5));
    expect(badFields.statusCode).toBe(400);
    expect(
      badFields
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['amountCents', 'extra']);
  });

  it('the buyer’s own actions: confirm delivery and the cart are theirs only', async () => {
    const { number } = await placeOrder(buyer, t.db);
    expect((await api(t.app, tok.sales, 'POST', `/api/v1/orders/${number}/confirm-delivery`)).statusCode).toBe(403);
    expect((await sessionApi(t.app, other, 'POST', `/api/v1/orders/${number}/confirm-delivery`)).statusCode).toBe(404);
    // Not shipped yet: the machine refuses it.
    expect((await sessionApi(t.app, buyer, 'POST', `/api/v1/orders/${number}/confirm-delivery`)).statusCode).toBe(409);
    expect((await api(t.app, tok.sales, 'POST', '/api/v1/cart/items', { productId: 1, quantity: 1 })).statusCode).toBe(
      403,
    );
    expect((await api(t.app, tok.finance, 'GET', '/api/v1/proofs')).statusCode).toBe(200);
    expect((await sessionApi(t.app, buyer, 'GET', '/api/v1/proofs')).statusCode).toBe(403);
  });
});

describe('after-sales cases through the API', () => {
  it('support decides, the warehouse ships the reissue, the buyer confirms; others are refused or get 404', async () => {
    const o = await completedOrder(t, { buyer });
    const number = String((await submitCaseForm(t, o)).headers.location).replace('/after-sales/', '');
    expect((await sessionApi(t.app, other, 'GET', `/api/v1/cases/${number}`)).statusCode).toBe(404);
    expect((await sessionApi(t.app, other, 'GET', '/api/v1/cases')).json().items).toEqual([]);
    expect((await api(t.app, tok.sales, 'GET', `/api/v1/cases/${number}`)).statusCode).toBe(403);
    const decide = { kind: 'reissue', note: 'New unit' };
    expect((await api(t.app, tok.warehouse, 'POST', `/api/v1/cases/${number}/decide`, decide)).statusCode).toBe(403);
    expect((await sessionApi(t.app, buyer, 'POST', `/api/v1/cases/${number}/decide`, decide)).statusCode).toBe(403);

    const seen = (await api(t.app, tok.support, 'GET', `/api/v1/cases/${number}`)).json();
    expect(seen.nextActions).toEqual(expect.arrayContaining(['startReview', 'decideReissue', 'rejectCase']));
    const decided = await api(t.app, tok.support, 'POST', `/api/v1/cases/${number}/decide`, decide);
    expect(decided.json()).toMatchObject({ status: 'awaiting_reissue', resolution: 'reissue' });
    const reissue = { carrier: 'DHL', tracking: 'JD0001234' };
    const sent = await api(t.app, tok.warehouse, 'POST', `/api/v1/cases/${number}/ship-reissue`, reissue);
    expect(sent.json()).toMatchObject({ status: 'reissue_shipped', reissueTracking: 'JD0001234' });
    // The buyer fires only their own event, and only on their own case.
    const close = `/api/v1/cases/${number}/events/closeCase`;
    expect((await sessionApi(t.app, buyer, 'POST', close, { note: '' })).statusCode).toBe(403);
    const confirm = `/api/v1/cases/${number}/events/confirmReissueReceived`;
    expect((await sessionApi(t.app, other, 'POST', confirm, {})).statusCode).toBe(404);
    const msg = await sessionApi(t.app, buyer, 'POST', `/api/v1/cases/${number}/messages`, { body: 'It arrived.' });
    expect(msg.statusCode).toBe(201);
    const confirmed = await sessionApi(t.app, buyer, 'POST', confirm, {});
    expect(confirmed.json()).toMatchObject({
      status: 'resolved',
      messages: [{ fromStaff: false, body: 'It arrived.' }],
    });
  });
});
