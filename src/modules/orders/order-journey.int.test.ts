import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { hugePng } from '../../../test/media.js';
import { placeOrder, png, recordPackingEvidence, today, uploadProof } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { paymentProofs, products } from '../../platform/db/schema.js';
import { latestOutbox } from '../../platform/mail/index.js';
import { runOrderSweep } from './index.js';
import { orders } from './order.tables.js';

let t: TestApp;
let staff: Record<'sales' | 'finance' | 'warehouse' | 'admin' | 'support', BrowserClient>;
beforeAll(async () => {
  t = await createTestApp();
  staff = {
    sales: (await loggedInClient(t.app, t.db, 'sales')).client,
    finance: (await loggedInClient(t.app, t.db, 'finance')).client,
    warehouse: (await loggedInClient(t.app, t.db, 'warehouse')).client,
    admin: (await loggedInClient(t.app, t.db, 'admin')).client,
    support: (await loggedInClient(t.app, t.db, 'support')).client,
  };
  for (const c of Object.values(staff)) await c.get('/admin');
});
afterAll(() => t.close());

const order = async (number: string) => (await t.db.select().from(orders).where(eq(orders.number, number)))[0]!;

async function quoted(freight = '450.00') {
  const buyer = await loggedInClient(t.app, t.db);
  const placed = await placeOrder(buyer.client, t.db);
  await staff.sales.get(`/admin/orders/${placed.number}`);
  const res = await staff.sales.post(`/admin/orders/${placed.number}/freight`, { freight, validDays: '7', note: '' });
  expect(res.statusCode).toBe(303);
  return { ...placed, buyer: buyer.client };
}

async function paid(amount = '6450.00') {
  const q = await quoted();
  await q.buyer.get(`/orders/${q.number}`);
  const up = await uploadProof(
    t.app,
    q.buyer,
    q.number,
    { amount, reference: 'SWIFT-123', paidOn: today() },
    { name: 'slip.png', type: 'image/png', data: png(Math.random()) },
  );
  expect(up.statusCode).toBe(303);
  const [proof] = await t.db
    .select()
    .from(paymentProofs)
    .where(eq(paymentProofs.orderId, (await order(q.number)).id));
  return { ...q, proofId: proof!.id };
}

describe('the whole journey', () => {
  it('quote → proof → approve → ship → confirm delivery → completed', async () => {
    const q = await quoted('450.00');
    let o = await order(q.number);
    expect(o.status).toBe('awaiting_payment');
    expect(o.totalCents).toBe(645_000);
    expect(o.paymentDueAt!.getTime() - o.quotedAt!.getTime()).toBe(72 * 3_600_000);
    const page = await q.buyer.get(`/orders/${q.number}`);
    expect(page.body).toContain('$6,450.00');
    expect(page.body).toContain('How to pay');
    expect(page.body).toContain('IBAN XX00 1234');
    expect(page.body).toContain('Upload payment proof');

    const up = await uploadProof(
      t.app,
      q.buyer,
      q.number,
      { amount: '6450', reference: 'SWIFT-777', paidOn: today() },
      { name: 'slip.png', type: 'image/png', data: png(1) },
    );
    expect(up.statusCode).toBe(303);
    expect((await order(q.number)).status).toBe('payment_review');

    const admin = await staff.finance.get(`/admin/orders/${q.number}`);
    expect(admin.body).toContain('Approve payment');
    const proofId = /proofs\/(\d+)\/approve/.exec(admin.body)![1];
    expect((await staff.finance.post(`/admin/orders/${q.number}/proofs/${proofId}/approve`)).statusCode).toBe(303);
    o = await order(q.number);
    expect(o.status).toBe('ready_to_ship');
    expect(o.paidCents).toBe(645_000);
    // Paid in full: the payment instructions and bank details are no longer offered.
    expect((await q.buyer.get(`/orders/${q.number}`)).body).not.toContain('How to pay');

    await staff.warehouse.get(`/admin/orders/${q.number}`);
    await recordPackingEvidence(t.db, q.number);
    const ship = await staff.warehouse.post(`/admin/orders/${q.number}/ship`, {
      carrier: 'DHL',
      tracking: '1234567890, 1234567891',
    });
    expect(ship.statusCode).toBe(303);
    const shipped = await q.buyer.get(`/orders/${q.number}`);
    expect(shipped.body).toContain('tracking-id=1234567891');
    expect(shipped.body).toContain('Confirm delivery');
    expect(shipped.body).not.toContain('How to pay');

    expect((await q.buyer.post(`/orders/${q.number}/events/confirmDelivery`)).statusCode).toBe(303);
    expect((await order(q.number)).status).toBe('completed');
    const mail = (await latestOutbox(t.db)).filter((m) => m.subject.includes(q.number)).map((m) => m.subject);
    expect(mail).toEqual(
      expect.arrayContaining([
        `Order ${q.number}: freight quoted, ready for payment`,
        `Order ${q.number}: payment approved`,
        `Order ${q.number} shipped`,
        `Order ${q.number} completed`,
      ]),
    );
  });

  it('partly paid goes back to awaiting payment with the balance shown', async () => {
    const p = await paid('1000.00');
    await staff.finance.post(`/admin/orders/${p.number}/proofs/${p.proofId}/approve`);
    const o = await order(p.number);
    expect(o.status).toBe('awaiting_payment');
    expect(o.paidCents).toBe(100_000);
    const page = await p.buyer.get(`/orders/${p.number}`);
    expect(page.body).toContain('Balance due');
    expect(page.body).toContain('$5,450.00');
  });

  it('reject then re-upload: the reason is shown and a new proof can be sent', async () => {
    const p = await paid();
    const res = await staff.finance.post(`/admin/orders/${p.number}/proofs/${p.proofId}/reject`, {
      reason: 'Amount does not match the slip',
    });
    expect(res.statusCode).toBe(303);
    expect((await order(p.number)).status).toBe('awaiting_payment');
    const page = await p.buyer.get(`/orders/${p.number}`);
    expect(page.body).toContain('Amount does not match the slip');
    const again = await uploadProof(
      t.app,
      p.buyer,
      p.number,
      { amount: '6450', reference: 'SWIFT-2', paidOn: today() },
      { name: 'b.png', type: 'image/png', data: png(99) },
    );
    expect(again.statusCode).toBe(303);
    expect((await order(p.number)).status).toBe('payment_review');
  });

  it('two finance clicks at once: one wins, the payment counts once', async () => {
    const p = await paid();
    const url = `/admin/orders/${p.number}/proofs/${p.proofId}/approve`;
    const [a, b] = await Promise.all([staff.finance.post(url), staff.admin.post(url)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([303, 409]);
    const conflict = a.statusCode === 409 ? a : b;
    expect(conflict.body).toContain('This has already changed');
    expect((await order(p.number)).paidCents).toBe(645_000);
  });
});

describe('who may do what', () => {
  it('lets each staff role fire only its own actions', async () => {
    const buyer = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(buyer.client, t.db);
    for (const who of ['finance', 'warehouse', 'support'] as const) {
      expect((await staff[who].post(`/admin/orders/${number}/freight`, { freight: '10' })).statusCode).toBe(403);
    }
    expect(
      (await staff.sales.post(`/admin/orders/${number}/ship`, { carrier: 'DHL', tracking: 'ABCD1234' })).statusCode,
    ).toBe(403);
    expect((await order(number)).status).toBe('awaiting_quote');
    const staffPage = await staff.support.get(`/admin/orders/${number}`);
    expect(staffPage.statusCode).toBe(200);
    expect(staffPage.body).not.toContain('Set freight</button>');
  });

  it('refuses a replayed or stale action with a clear message and changes nothing', async () => {
    const q = await quoted();
    const again = await staff.sales.post(`/admin/orders/${q.number}/freight`, { freight: '999' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('This has already changed');
    expect((await order(q.number)).freightCents).toBe(45_000);
    const ship = await staff.warehouse.post(`/admin/orders/${q.number}/ship`, { carrier: 'DHL', tracking: 'ABCD1234' });
    expect(ship.statusCode).toBe(409);
  });

  it('refuses negative, zero-looking nonsense and non-numeric freight', async () => {
    const buyer = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(buyer.client, t.db);
    for (const freight of ['-5', 'abc', '', '1.234']) {
      const res = await staff.sales.post(`/admin/orders/${number}/freight`, { freight });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('Enter an amount in US dollars');
    }
    expect((await order(number)).status).toBe('awaiting_quote');
  });

  it('lets the customer cancel before approval (stock back), never after', async () => {
    const buyer = await loggedInClient(t.app, t.db);
    const { number, product } = await placeOrder(buyer.client, t.db, { stock: 10, quantity: 4 });
    expect((await t.db.select().from(products).where(eq(products.id, product.id)))[0]!.stock).toBe(6);
    await buyer.client.post(`/orders/${number}/events/cancelByCustomer`, { reason: 'Changed my mind' });
    expect((await order(number)).status).toBe('cancelled');
    expect((await t.db.select().from(products).where(eq(products.id, product.id)))[0]!.stock).toBe(10);

    const p = await paid();
    await staff.finance.post(`/admin/orders/${p.number}/proofs/${p.proofId}/approve`);
    expect((await p.buyer.post(`/orders/${p.number}/events/cancelByCustomer`)).statusCode).toBe(409);
    expect((await staff.sales.post(`/admin/orders/${p.number}/cancel`, { reason: 'x' })).statusCode).toBe(409);
    expect(
      (await staff.admin.post(`/admin/orders/${p.number}/cancel`, { reason: 'Refunded in full' })).statusCode,
    ).toBe(303);
    expect((await order(p.number)).status).toBe('cancelled');
  });
});

describe('payment proofs', () => {
  it('refuses an .exe renamed .png, an empty file, a missing amount; keeps typed values', async () => {
    const q = await quoted();
    await q.buyer.get(`/orders/${q.number}`);
    const exe = await uploadProof(
      t.app,
      q.buyer,
      q.number,
      { amount: '6450', reference: 'REF-1', paidOn: today() },
      {
        name: 'slip.png',
        type: 'image/png',
        data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]),
      },
    );
    expect(exe.statusCode).toBe(422);
    expect(exe.body).toContain('Upload a JPEG, PNG, WebP image or a PDF');
    expect(exe.body).toContain('value="REF-1"');
    const empty = await uploadProof(
      t.app,
      q.buyer,
      q.number,
      { amount: '6450', reference: 'REF-2', paidOn: today() },
      { name: 'a.png', type: 'image/png', data: Buffer.alloc(0) },
    );
    expect(empty.statusCode).toBe(422);
    const noAmount = await uploadProof(
      t.app,
      q.buyer,
      q.number,
      { amount: '', reference: 'REF-3', paidOn: today() },
      { name: 'a.png', type: 'image/png', data: png(5) },
    );
    expect(noAmount.statusCode).toBe(422);
    expect(noAmount.body).toContain('Enter the amount paid');
    expect((await order(q.number)).status).toBe('awaiting_payment');
  });

  it('refuses an image of more pixels than the upload policy allows (a 30000×30000 PNG)', async () => {
    const q = await quoted();
    await q.buyer.get(`/orders/${q.number}`);
    const res = await uploadProof(
      t.app,
      q.buyer,
      q.number,
      { amount: '6450', reference: 'REF-BOMB', paidOn: today() },
      { name: 'slip.png', type: 'image/png', data: hugePng() },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('at most 40 megapixels');
    expect(res.body).toContain('value="REF-BOMB"');
    expect((await order(q.number)).status).toBe('awaiting_payment');
  });

  it('refuses a file over 10 MB', async () => {
    const q = await quoted();
    await q.buyer.get(`/orders/${q.number}`);
    const big = Buffer.concat([png(7), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const res = await uploadProof(
      t.app,
      q.buyer,
      q.number,
      { amount: '6450', reference: 'REF', paidOn: today() },
      { name: 'a.png', type: 'image/png', data: big },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('larger than 10 MB');
  });

  it('flags a proof whose file was already used on another order, and serves files only to owner and staff', async () => {
    const first = await quoted();
    const second = await quoted();
    const file = { name: 'same.png', type: 'image/png', data: png(4242) };
    await first.buyer.get(`/orders/${first.number}`);
    await second.buyer.get(`/orders/${second.number}`);
    const up1 = await uploadProof(
      t.app,
      first.buyer,
      first.number,
      { amount: '6450', reference: 'REF-A', paidOn: today() },
      file,
    );
    const up2 = await uploadProof(
      t.app,
      second.buyer,
      second.number,
      { amount: '6450', reference: 'REF-B', paidOn: today() },
      file,
    );
    expect([up1.statusCode, up2.statusCode], /field-error[^>]*>([^<]+)/.exec(up1.body)?.[1]).toEqual([303, 303]);
    const review = await staff.finance.get(`/admin/orders/${second.number}`);
    expect(review.body).toContain(`The same file was already used as proof on order ${first.number}`);
    const id = /\/proofs\/(\d+)\?inline=1/.exec(review.body)![1];
    const own = await second.buyer.get(`/orders/${second.number}/proofs/${id}`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-disposition']).toMatch(/^attachment/);
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect((await first.buyer.get(`/orders/${second.number}/proofs/${id}`)).statusCode).toBe(404);
    expect((await first.buyer.get(`/orders/${first.number}/proofs/${id}`)).statusCode).toBe(404);
  });
});

describe('time-driven rules', () => {
  it('cancels an unpaid order after its deadline and releases the stock', async () => {
    const q = await quoted();
    const stockBefore = (await t.db.select().from(products).where(eq(products.id, q.product.id)))[0]!.stock;
    const later = new Date(Date.now() + 73 * 3_600_000);
    const [a, b] = await Promise.all([runOrderSweep(t.actions, later), runOrderSweep(t.actions, later)]);
    expect([...a, ...b].filter((n) => n === q.number)).toHaveLength(1);
    expect((await order(q.number)).status).toBe('cancelled');
    expect((await t.db.select().from(products).where(eq(products.id, q.product.id)))[0]!.stock).toBe(stockBefore + 2);
  });

  it('reminds, then completes a shipped order after the auto-complete delay', async () => {
    const p = await paid();
    await staff.finance.post(`/admin/orders/${p.number}/proofs/${p.proofId}/approve`);
    await staff.warehouse.get(`/admin/orders/${p.number}`);
    await recordPackingEvidence(t.db, p.number);
    await staff.warehouse.post(`/admin/orders/${p.number}/ship`, { carrier: 'UPS', tracking: '1Z999AA10123456784' });
    await runOrderSweep(t.actions, new Date(Date.now() + 12.5 * 86_400_000));
    expect((await order(p.number)).status).toBe('shipped');
    expect((await latestOutbox(t.db)).some((m) => m.subject === `Order ${p.number}: please confirm delivery`)).toBe(
      true,
    );
    await runOrderSweep(t.actions, new Date(Date.now() + 15.1 * 86_400_000));
    expect((await order(p.number)).status).toBe('completed');
  });

  it('flags each newly overdue order by mail once: sales for a late quote, the buyer near the payment deadline, the warehouse without tracking', async () => {
    const mailsAbout = async (number: string) =>
      (await latestOutbox(t.db, 1000)).filter((m) => m.subject.includes(number)).map((m) => m.subject);
    const h = (hours: number) => new Date(Date.now() + hours * 3_600_000);

    const waiting = await placeOrder((await loggedInClient(t.app, t.db)).client, t.db);
    await Promise.all([runOrderSweep(t.actions, h(25)), runOrderSweep(t.actions, h(25))]);
    const quoteAlerts = (await mailsAbout(waiting.number)).filter((m) => m.startsWith('Overdue:'));
    expect(quoteAlerts).toEqual([`Overdue: order ${waiting.number} waits for its freight quote`]);

    const q = await quoted();
    await runOrderSweep(t.actions, h(50));
    expect(await mailsAbout(q.number)).not.toContainEqual(expect.stringMatching(/payment due/));
    await runOrderSweep(t.actions, h(61));
    await runOrderSweep(t.actions, h(62));
    expect((await mailsAbout(q.number)).filter((s) => s.startsWith(`Order ${q.number}: payment due by`))).toHaveLength(
      1,
    );

    const p = await paid();
    await staff.finance.post(`/admin/orders/${p.number}/proofs/${p.proofId}/approve`);
    expect((await order(p.number)).overdueAlertedAt).toBeNull(); // each transition starts a new promise
    await runOrderSweep(t.actions, h(4.1 * 24));
    expect(await mailsAbout(p.number)).toContain(`Overdue: order ${p.number} has no tracking number`);
  });
});

describe('refusals that explain themselves', () => {
  it('re-renders the order with a clear 422 when the cancel reason is too long, and keeps the order', async () => {
    const buyer = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(buyer.client, t.db);
    await buyer.client.get(`/orders/${number}`);
    const res = await buyer.client.post(`/orders/${number}/events/cancelByCustomer`, { reason: 'x'.repeat(1001) });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('This is too long');
    expect(res.body).toContain('Cancel this order');
    expect((await order(number)).status).toBe('awaiting_quote');
  });

  it('answers an unknown staff queue with 400 and says so; every real queue shows its own orders', async () => {
    const unknown = await staff.sales.get('/admin/orders?queue=awaiting_payment');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('There is no such queue');
    expect(unknown.body).not.toMatch(/\?queue=\w+" aria-current="page"/); // no queue pretends to be the one asked for

    const buyer = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(buyer.client, t.db);
    const expected = { awaiting_quote: true, payment_review: false, ready_to_ship: false, shipped: false } as const;
    for (const [queue, listed] of Object.entries(expected)) {
      const res = await staff.sales.get(`/admin/orders?queue=${queue}`);
      expect(res.statusCode, queue).toBe(200);
      expect(res.body, queue).toContain(`href="/admin/orders?queue=${queue}" aria-current="page"`);
      expect(res.body.includes(`/admin/orders/${number}"`), queue).toBe(listed);
    }
    expect((await staff.sales.get('/admin/orders?queue=overdue')).statusCode).toBe(200);
    expect((await staff.sales.get('/admin/orders')).body).toContain('?queue=awaiting_quote" aria-current="page"');
  });
});
