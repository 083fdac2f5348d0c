import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiUpload, createApiToken, sessionApi } from '../../../test/api.js';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { insertPaymentMethod, insertProduct } from '../../../test/factories.js';
import { jpeg } from '../../../test/media.js';
import { address, png, today } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

/**
 * Issue 17's "done when": an order goes from the cart to completed through the API alone,
 * with one token per staff role and the buyer's own session, and its timeline says which
 * token did each step.
 */
let t: TestApp;
let buyer: BrowserClient;
const tokens: Record<'sales' | 'finance' | 'warehouse', string> = { sales: '', finance: '', warehouse: '' };

beforeAll(async () => {
  t = await createTestApp();
  const admin = (await loggedInClient(t.app, t.db, 'admin')).client;
  for (const role of ['sales', 'finance', 'warehouse'] as const)
    tokens[role] = (await createApiToken(t.app, admin, [role], `${role} bot`)).token;
  buyer = (await loggedInClient(t.app, t.db)).client;
  await buyer.get('/cart');
});
afterAll(() => t.close());

const key = (k: string) => ({ 'idempotency-key': k });

describe('an order from the cart to completed, through the API alone', () => {
  it('buyer submits, sales quotes, the buyer pays, finance approves, the warehouse packs and ships, the buyer confirms', async () => {
    const product = await insertProduct(t.db, { priceCents: 300_000, stock: 5 });
    const method = await insertPaymentMethod(t.db);

    // The buyer fills the cart and submits it; a retry with the same key is the same order.
    expect(
      (await sessionApi(t.app, buyer, 'POST', '/api/v1/cart/items', { productId: product.id, quantity: 2 })).statusCode,
    ).toBe(201);
    const { shippingMethod, ...shipTo } = address;
    const submission = { ...shipTo, shippingMethod, paymentMethodId: method.id };
    const submitted = await sessionApi(t.app, buyer, 'POST', '/api/v1/orders', submission, key('order-1'));
    expect(submitted.statusCode, submitted.body).toBe(201);
    const order = submitted.json();
    expect(order).toMatchObject({ status: 'awaiting_quote', goodsCents: 600_000, nextActions: ['cancelByCustomer'] });
    const retried = await sessionApi(t.app, buyer, 'POST', '/api/v1/orders', submission, key('order-1'));
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.json().number).toBe(order.number);
    const number: string = order.number;

    // Sales find it among the orders awaiting a quote and set the freight.
    const queue = await api(t.app, tokens.sales, 'GET', '/api/v1/orders?state=awaiting_quote');
    expect(queue.json().items.map((o: { number: string }) => o.number)).toContain(number);
    const quoted = await api(t.app, tokens.sales, 'POST', `/api/v1/orders/${number}/freight`, { freightCents: 45_000 });
    expect(quoted.json()).toMatchObject({ status: 'awaiting_payment', totalCents: 645_000, balanceCents: 645_000 });

    // The buyer uploads the proof with their session; a retry is the same proof.
    const proofFields = { amountCents: '645000', reference: 'WIRE-0042', paidOn: today() };
    const proofFile = { field: 'proof', name: 'wire.png', type: 'image/png', data: png(42) };
    const paid = await apiUpload(t.app, buyer, `/api/v1/orders/${number}/proofs`, proofFields, proofFile, key('p-1'));
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({ status: 'payment_review' });
    const again = await apiUpload(t.app, buyer, `/api/v1/orders/${number}/proofs`, proofFields, proofFile, key('p-1'));
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().proofs).toHaveLength(1);

    // Finance sees it in the queue of pending proofs and approves it.
    const pending = (await api(t.app, tokens.finance, 'GET', '/api/v1/proofs?status=pending')).json().items;
    const proof = pending.find((p: { orderNumber: string }) => p.orderNumber === number);
    expect(proof).toMatchObject({ amountCents: 645_000, reference: 'WIRE-0042', duplicateOfOrder: null });
    const approved = await api(t.app, tokens.finance, 'POST', `/api/v1/orders/${number}/proofs/${proof.id}/approve`);
    expect(approved.json()).toMatchObject({ status: 'ready_to_ship', paidCents: 645_000, balanceCents: 0 });

    // The warehouse may not ship before the packing evidence is complete, as on the page.
    const ship = { carrier: 'DHL', trackingNumbers: ['1234567890'] };
    const early = await api(t.app, tokens.warehouse, 'POST', `/api/v1/orders/${number}/ship`, ship);
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0]).toMatchObject({ field: '_form' });
    const unpacked = (await api(t.app, tokens.warehouse, 'GET', `/api/v1/orders/${number}`)).json();
    expect(unpacked.packingGaps).toContain('packing.gapNoParcel');
    // What the API offers is what it would accept: no "ship" while packing has gaps.
    expect(unpacked.nextActions).not.toContain('markShipped');

    const parcel = await api(t.app, tokens.warehouse, 'POST', `/api/v1/orders/${number}/packing/parcels`, {
      seals: ['SEAL-0001', 'SEAL-0002'],
    });
    expect(parcel.statusCode, parcel.body).toBe(201);
    const { id: parcelId } = parcel.json().parcels.at(-1);
    const photo = { field: 'files', name: 'packed.jpg', type: 'image/jpeg', data: await jpeg() };
    const files = await apiUpload(
      t.app,
      tokens.warehouse,
      `/api/v1/orders/${number}/packing/parcels/${parcelId}/files`,
      {},
      photo,
    );
    expect(files.statusCode, files.body).toBe(201);
    const lineId = files.json().lines[0].id;
    for (const serial of ['SN-A1', 'SN-A2']) {
      const unit = await api(t.app, tokens.warehouse, 'POST', `/api/v1/orders/${number}/packing/units`, {
        parcelId,
        orderLineId: lineId,
        serialNumber: serial,
        burnIn: { hashrate: 200, unit: 'TH/s', hours: 4, passed: true },
      });
      expect(unit.statusCode, unit.body).toBe(201);
    }
    const record = (await api(t.app, tokens.warehouse, 'GET', `/api/v1/orders/${number}/packing`)).json();
    expect(record.gaps).toEqual([]);
    expect((await api(t.app, tokens.warehouse, 'GET', `/api/v1/orders/${number}`)).json().nextActions).toContain(
      'markShipped',
    );
    expect(record.parcels[0]).toMatchObject({ sealNumbers: ['SEAL-0001', 'SEAL-0002'] });
    expect(record.parcels[0].units).toHaveLength(2);

    const shipped = await api(t.app, tokens.warehouse, 'POST', `/api/v1/orders/${number}/ship`, ship, key('ship-1'));
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(shipped.json()).toMatchObject({
      status: 'shipped',
      parcels: [{ carrier: 'DHL', trackingNumber: '1234567890' }],
    });

    // The buyer confirms delivery: completed.
    const seen = await sessionApi(t.app, buyer, 'GET', `/api/v1/orders/${number}`);
    expect(seen.json().nextActions).toEqual(['confirmDelivery']);
    const done = await sessionApi(t.app, buyer, 'POST', `/api/v1/orders/${number}/confirm-delivery`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('completed');
    expect(done.json().timeline.every((e: { via: string | null }) => e.via === null)).toBe(true);

    // Staff see which token did each step.
    const timeline = (await api(t.app, tokens.sales, 'GET', `/api/v1/orders/${number}`)).json().timeline;
    const via = Object.fromEntries(timeline.map((e: { event: string; via: string | null }) => [e.event, e.via]));
    expect(via).toEqual({
      submitOrder: null,
      setFreight: 'token sales bot',
      submitPaymentProof: null,
      approvePayment: 'token finance bot',
      markShipped: 'token warehouse bot',
      confirmDelivery: null,
    });
  });
});
