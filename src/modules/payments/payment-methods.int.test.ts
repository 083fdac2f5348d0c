import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { insertPaymentMethod } from '../../../test/factories.js';
import { placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { latestOutbox } from '../../platform/mail/index.js';
import { paymentMethodChanges, paymentMethods } from './index.js';

let t: TestApp;
let admins: { client: BrowserClient; email: string; id: number }[];
let finance: BrowserClient;
let sales: BrowserClient;
beforeAll(async () => {
  t = await createTestApp();
  admins = [];
  for (let i = 0; i < 3; i++) {
    const a = await loggedInClient(t.app, t.db, 'admin');
    await a.client.get('/admin');
    admins.push({ client: a.client, email: a.email, id: a.user.id });
  }
  finance = (await loggedInClient(t.app, t.db, 'finance')).client;
  sales = (await loggedInClient(t.app, t.db, 'sales')).client;
  for (const c of [finance, sales]) await c.get('/admin');
});
afterAll(() => t.close());

const A = () => admins[0]!.client;
const B = () => admins[1]!.client;
const C = () => admins[2]!.client;

const form = (overrides: Record<string, string> = {}) => ({
  name: 'USDT (TRC20)',
  instructions: 'Send the exact total in USDT on TRON.\r\nQuote the order number.',
  accountDetails: 'TRC20: TXq1wallet0000000000000000000000',
  minOrder: '100',
  maxOrder: '250,000.00',
  largeOrderOnly: '',
  active: 'on',
  sortOrder: '2',
  ...overrides,
});

const method = async (id: number) => (await t.db.select().from(paymentMethods).where(eq(paymentMethods.id, id)))[0]!;
const changesOf = (id: number) =>
  t.db.select().from(paymentMethodChanges).where(eq(paymentMethodChanges.paymentMethodId, id));
const mailsTo = async (subjectPart: string) =>
  (await latestOutbox(t.db, 500))
    .filter((m) => m.subject.includes(subjectPart))
    .map((m) => m.to)
    .sort();
const adminEmails = () => admins.map((a) => a.email).sort();

async function createVia(client: BrowserClient, overrides: Record<string, string> = {}) {
  const res = await client.post('/admin/payment-methods', form(overrides));
  expect(res.statusCode).toBe(303);
  return Number(/\/admin\/payment-methods\/(\d+)/.exec(String(res.headers.location))![1]);
}

describe('payment methods back office', () => {
  it('is for finance and admins', async () => {
    expect((await finance.get('/admin/payment-methods')).statusCode).toBe(200);
    expect((await A().get('/admin/payment-methods')).statusCode).toBe(200);
    expect((await sales.get('/admin/payment-methods')).statusCode).toBe(403);
    expect((await sales.post('/admin/payment-methods', form())).statusCode).toBe(403);
    const customer = (await loggedInClient(t.app, t.db)).client;
    expect((await customer.get('/admin/payment-methods')).statusCode).toBe(403);
    expect((await sales.get('/admin')).body).not.toContain('href="/admin/payment-methods"');
  });

  it('creates a method with limits in cents, and tells every admin', async () => {
    const id = await createVia(finance, { name: 'USDT create test' });
    const m = await method(id);
    expect(m).toMatchObject({
      name: 'USDT create test',
      instructions: 'Send the exact total in USDT on TRON.\nQuote the order number.',
      minOrderCents: 10_000,
      maxOrderCents: 25_000_000,
      largeOrderOnly: false,
      active: true,
      sortOrder: 2,
    });
    expect(await mailsTo('New payment method: USDT create test')).toEqual(adminEmails());
    const list = await finance.get('/admin/payment-methods');
    expect(list.body).toContain('USDT create test');
    expect(list.body).toContain('$100.00 – $250,000.00');
  });

  it('refuses bad input beside the fields and keeps what was typed', async () => {
    const res = await finance.post(
      '/admin/payment-methods',
      form({ name: '', minOrder: '12,5x', accountDetails: '  ' }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('id="f-minOrder-error"');
    expect(res.body).toContain('Enter an amount in US dollars');
    expect(res.body).toContain('id="f-accountDetails-error"');
    expect(res.body).toContain('value="12,5x"');
    const huge = await finance.post('/admin/payment-methods', form({ maxOrder: '9999999999' }));
    expect(huge.statusCode).toBe(422);
    expect(huge.body).toContain('Enter at most $100,000,000.00');
    expect(huge.body).toContain('value="9999999999"');
    const order = await finance.post('/admin/payment-methods', form({ minOrder: '5000', maxOrder: '100' }));
    expect(order.statusCode).toBe(422);
    expect(order.body).toContain('The maximum must not be below the minimum');
  });

  it('applies name, instructions, limits and flags at once; account details only after a second admin', async () => {
    const id = await createVia(A(), { name: 'Bank wire HK' });
    const before = await method(id);

    // Only the name and flags: no change to how to pay, so quoted buyers are not alarmed.
    let res = await finance.post(
      `/admin/payment-methods/${id}`,
      form({ name: 'Bank wire (HKD/USD)', largeOrderOnly: 'on', active: '', maxOrder: '' }),
    );
    expect(res.statusCode).toBe(303);
    let m = await method(id);
    expect(m).toMatchObject({ name: 'Bank wire (HKD/USD)', largeOrderOnly: true, active: false, maxOrderCents: null });
    expect(m.updatedAt.getTime()).toBe(before.updatedAt.getTime());

    // New account details: saved as a pending change, nothing applied yet.
    res = await A().post(
      `/admin/payment-methods/${id}`,
      form({ name: 'Bank wire (HKD/USD)', accountDetails: 'HSBC HK 123-456789-001\r\nSWIFT HSBCHKHHHKH' }),
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/payment-methods/${id}?done=proposed`);
    m = await method(id);
    expect(m.accountDetails).toBe(before.accountDetails);
    const [change] = await changesOf(id);
    expect(change).toMatchObject({
      status: 'pending',
      proposedBy: admins[0]!.id,
      proposedDetails: 'HSBC HK 123-456789-001\nSWIFT HSBCHKHHHKH',
    });
    expect(await mailsTo('Confirm new payment details: Bank wire (HKD/USD)')).toEqual(adminEmails());

    // Announced in the back office.
    for (const page of ['/admin/payment-methods', '/admin']) {
      const body = (await B().get(page)).body;
      expect(body).toContain('Payment details waiting for confirmation');
      expect(body).toContain('Bank wire (HKD/USD)');
    }
    expect((await finance.get('/admin')).body).toContain('Payment details waiting for confirmation');
    expect((await sales.get('/admin')).body).not.toContain('Payment details waiting for confirmation');

    // A second, different proposal waits for the first.
    res = await finance.post(
      `/admin/payment-methods/${id}`,
      form({ name: 'Bank wire (HKD/USD)', accountDetails: 'Another bank 999' }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Another change to these details is already waiting');
    expect(await changesOf(id)).toHaveLength(1);

    // The proposer cannot confirm; finance cannot confirm.
    await A().get('/admin/payment-methods');
    res = await A().post(`/admin/payment-methods/changes/${change!.id}/confirm`);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('You proposed this change, so you cannot confirm it.');
    expect((await finance.post(`/admin/payment-methods/changes/${change!.id}/confirm`)).statusCode).toBe(403);
    expect((await method(id)).accountDetails).toBe(before.accountDetails);

    // Another admin confirms: details copied, updated_at moves, everyone is told.
    res = await B().post(`/admin/payment-methods/changes/${change!.id}/confirm`);
    expect(res.statusCode).toBe(303);
    m = await method(id);
    expect(m.accountDetails).toBe('HSBC HK 123-456789-001\nSWIFT HSBCHKHHHKH');
    expect(m.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect((await changesOf(id))[0]).toMatchObject({ status: 'confirmed', decidedBy: admins[1]!.id });
    expect(await mailsTo('Payment details changed: Bank wire (HKD/USD)')).toEqual(adminEmails());
    expect((await B().get('/admin')).body).not.toContain('Payment details waiting for confirmation');
  });

  it('tells the buyer of an awaiting-payment order that the details changed', async () => {
    const pm = await insertPaymentMethod(t.db, { name: 'Wire for buyer test', accountDetails: 'Old bank 111' });
    const buyer = (await loggedInClient(t.app, t.db)).client;
    const { number } = await placeOrder(buyer, t.db, { methodId: pm.id });
    await sales.get(`/admin/orders/${number}`);
    expect(
      (await sales.post(`/admin/orders/${number}/freight`, { freight: '300.00', validDays: '7', note: '' })).statusCode,
    ).toBe(303);
    let page = await buyer.get(`/orders/${number}`);
    expect(page.body).toContain('Old bank 111');
    expect(page.body).not.toContain('payment details for this method changed');

    await finance.get(`/admin/payment-methods/${pm.id}`);
    const edit = {
      name: pm.name,
      instructions: pm.instructions,
      accountDetails: 'New bank 222',
      minOrder: '',
      maxOrder: '',
      active: 'on',
      sortOrder: '0',
    };
    expect((await finance.post(`/admin/payment-methods/${pm.id}`, edit)).statusCode).toBe(303);
    page = await buyer.get(`/orders/${number}`);
    expect(page.body).toContain('Old bank 111');
    expect(page.body).not.toContain('payment details for this method changed');

    const [change] = await changesOf(pm.id);
    expect((await C().post(`/admin/payment-methods/changes/${change!.id}/confirm`)).statusCode).toBe(303);
    page = await buyer.get(`/orders/${number}`);
    expect(page.body).toContain('New bank 222');
    expect(page.body).toContain('The payment details for this method changed after your quote');
  });

  it('lets one of two admins confirming at once win', async () => {
    const pm = await insertPaymentMethod(t.db, { name: 'Race wire', accountDetails: 'Race old' });
    await finance.get(`/admin/payment-methods/${pm.id}`);
    const edit = {
      name: pm.name,
      instructions: pm.instructions,
      accountDetails: 'Race new',
      minOrder: '',
      maxOrder: '',
      active: 'on',
      sortOrder: '0',
    };
    expect((await finance.post(`/admin/payment-methods/${pm.id}`, edit)).statusCode).toBe(303);
    const [change] = await changesOf(pm.id);
    const before = (await mailsTo('Payment details changed: Race wire')).length;
    const results = await Promise.all(
      [B(), C()].map((c) => c.post(`/admin/payment-methods/changes/${change!.id}/confirm`)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([303, 409]);
    expect(results.find((r) => r.statusCode === 409)!.body).toContain('already confirmed or cancelled');
    expect((await method(pm.id)).accountDetails).toBe('Race new');
    expect((await mailsTo('Payment details changed: Race wire')).length - before).toBe(admins.length);
  });

  it('lets finance withdraw a pending change', async () => {
    const pm = await insertPaymentMethod(t.db, { name: 'Cancel wire', accountDetails: 'Keep me' });
    await finance.get(`/admin/payment-methods/${pm.id}`);
    const edit = {
      name: pm.name,
      instructions: pm.instructions,
      accountDetails: 'Suspicious account',
      minOrder: '',
      maxOrder: '',
      active: 'on',
      sortOrder: '0',
    };
    await A().post(`/admin/payment-methods/${pm.id}`, edit);
    const [change] = await changesOf(pm.id);
    const res = await finance.post(`/admin/payment-methods/changes/${change!.id}/cancel`);
    expect(res.statusCode).toBe(303);
    expect((await changesOf(pm.id))[0]!.status).toBe('cancelled');
    expect(await mailsTo('Payment details change cancelled: Cancel wire')).toEqual(adminEmails());
    // Too late to confirm a withdrawn change.
    const late = await B().post(`/admin/payment-methods/changes/${change!.id}/confirm`);
    expect(late.statusCode).toBe(409);
    expect((await method(pm.id)).accountDetails).toBe('Keep me');
    // The method's history shows it.
    const page = await finance.get(`/admin/payment-methods/${pm.id}`);
    expect(page.body).toContain('Suspicious account');
    expect(page.body).toContain('Cancelled');
  });
});
