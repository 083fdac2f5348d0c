import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { insertPaymentMethod, insertProduct } from '../../../test/factories.js';
import { placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { paymentMethodChanges, paymentMethods } from '../../platform/db/schema.js';
import { latestOutbox } from '../../platform/mail/index.js';
import { paymentChangesCommand } from './index.js';

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

const methodNamed = async (name: string) =>
  (await t.db.select().from(paymentMethods).where(eq(paymentMethods.name, name)))[0];
const findChange = async (id: number) =>
  (await t.db.select().from(paymentMethodChanges).where(eq(paymentMethodChanges.id, id)))[0];

/** Finance proposes a method, a second admin confirms it: the way a method comes to exist. */
async function createConfirmed(overrides: Record<string, string> = {}) {
  const res = await finance.post('/admin/payment-methods', form(overrides));
  expect(res.statusCode).toBe(303);
  const [change] = await t.db
    .select()
    .from(paymentMethodChanges)
    .where(and(eq(paymentMethodChanges.kind, 'create'), eq(paymentMethodChanges.status, 'pending')));
  expect((await C().post(`/admin/payment-methods/changes/${change!.id}/confirm`)).statusCode).toBe(303);
  return (await findChange(change!.id))!.paymentMethodId!;
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

  it('a new method goes live only when a second admin confirms it, and every admin is told', async () => {
    const buyer = (await loggedInClient(t.app, t.db)).client;
    const product = await insertProduct(t.db, { priceCents: 300_000 });
    await buyer.post('/cart/items', { productId: product.id, quantity: 1 });
    const res = await finance.post(
      '/admin/payment-methods',
      form({ name: 'USDT create test', accountDetails: 'TRC20: TAttacker000000000000000000000' }),
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/payment-methods?done=proposed');
    // Proposed only: not a method yet, so neither checkout nor /verify offers it.
    expect(await methodNamed('USDT create test')).toBeUndefined();
    expect((await buyer.get('/cart')).body).not.toContain('USDT create test');
    expect((await new BrowserClient(t.app).get('/verify/ZZZZZZZZZZ')).body).not.toContain('TAttacker');
    expect(await mailsTo('Confirm new payment method: USDT create test')).toEqual(adminEmails());
    const list = await B().get('/admin/payment-methods');
    expect(list.body).toContain('Payment details waiting for confirmation');
    expect(list.body).toContain('TRC20: TAttacker000000000000000000000');
    expect((await B().get('/admin')).body).toContain('USDT create test');

    const [change] = await t.db.select().from(paymentMethodChanges).where(eq(paymentMethodChanges.kind, 'create'));
    expect((await finance.post(`/admin/payment-methods/changes/${change!.id}/confirm`)).statusCode).toBe(403);
    expect((await B().post(`/admin/payment-methods/changes/${change!.id}/confirm`)).statusCode).toBe(303);
    const m = (await methodNamed('USDT create test'))!;
    expect(m).toMatchObject({
      instructions: 'Send the exact total in USDT on TRON.\nQuote the order number.',
      accountDetails: 'TRC20: TAttacker000000000000000000000',
      minOrderCents: 10_000,
      maxOrderCents: 25_000_000,
      largeOrderOnly: false,
      active: true,
      sortOrder: 2,
    });
    expect(await mailsTo('New payment method live: USDT create test')).toEqual(adminEmails());
    const cart = await buyer.get('/cart');
    expect(cart.body).toContain('USDT create test');
    // Announced to buyers where they choose how to pay.
    expect(cart.body).toContain('Payment details changed recently');
    const verify = (await new BrowserClient(t.app).get('/verify/ZZZZZZZZZZ')).body;
    expect(verify).toContain('TAttacker');
    expect(verify).toContain('These details changed on');
    const after = await finance.get('/admin/payment-methods');
    expect(after.body).toContain('$100.00 – $250,000.00');
    expect(after.body).toContain('Recently confirmed changes');
  });

  it('an admin cannot confirm the method they proposed', async () => {
    const res = await A().post('/admin/payment-methods', form({ name: 'Own method' }));
    expect(res.statusCode).toBe(303);
    const [change] = await t.db
      .select()
      .from(paymentMethodChanges)
      .where(and(eq(paymentMethodChanges.kind, 'create'), eq(paymentMethodChanges.status, 'pending')));
    await A().get('/admin/payment-methods');
    const own = await A().post(`/admin/payment-methods/changes/${change!.id}/confirm`);
    expect(own.statusCode).toBe(403);
    expect(await methodNamed('Own method')).toBeUndefined();
    expect((await finance.post(`/admin/payment-methods/changes/${change!.id}/cancel`)).statusCode).toBe(303);
    expect(await methodNamed('Own method')).toBeUndefined();
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

  it.each([
    [
      'instructions',
      { instructions: 'Pay to our new partner account instead.' },
      { instructions: 'Pay to our new partner account instead.' },
    ],
    ['the active flag', { active: '' }, { active: false }],
    ['the display order', { sortOrder: '-1000' }, { sortOrder: -1000 }],
    ['the limits', { minOrder: '', maxOrder: '' }, { minOrderCents: null, maxOrderCents: null }],
    ['the large-order flag', { largeOrderOnly: 'on' }, { largeOrderOnly: true }],
    ['the name', { name: 'Bank wire (preferred)' }, { name: 'Bank wire (preferred)' }],
  ] as const)('a change of %s waits for a second admin', async (_what, edit, applied) => {
    const pm = await insertPaymentMethod(t.db, {
      name: 'Wire terms',
      instructions: 'Send the exact total in USDT on TRON.\nQuote the order number.',
      accountDetails: 'TRC20: TXq1wallet0000000000000000000000',
      minOrderCents: 10_000,
      maxOrderCents: 25_000_000,
      sortOrder: 2,
    });
    await finance.get(`/admin/payment-methods/${pm.id}`);
    const res = await finance.post(`/admin/payment-methods/${pm.id}`, form({ name: 'Wire terms', ...edit }));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/payment-methods/${pm.id}?done=proposed`);
    expect(await method(pm.id)).toEqual(pm);
    const [change] = await changesOf(pm.id);
    expect(change!.status).toBe('pending');
    expect((await B().post(`/admin/payment-methods/changes/${change!.id}/confirm`)).statusCode).toBe(303);
    expect(await method(pm.id)).toMatchObject({ ...applied, accountDetails: pm.accountDetails });
  });

  it('saving the form unchanged proposes nothing', async () => {
    const id = await createConfirmed({ name: 'Bank wire HK' });
    const before = await method(id);
    const res = await finance.post(`/admin/payment-methods/${id}`, form({ name: 'Bank wire HK' }));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/payment-methods/${id}?done=saved`);
    expect(await changesOf(id)).toHaveLength(1); // its creation
    expect(await method(id)).toEqual(before);
  });

  it('account details change only after a second admin', async () => {
    const id = await createConfirmed({ name: 'Bank wire (HKD/USD)' });
    const before = await method(id);
    let res: Awaited<ReturnType<BrowserClient['post']>>;
    let m: typeof before;

    // New account details: saved as a pending change, nothing applied yet.
    res = await A().post(
      `/admin/payment-methods/${id}`,
      form({ name: 'Bank wire (HKD/USD)', accountDetails: 'HSBC HK 123-456789-001\r\nSWIFT HSBCHKHHHKH' }),
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/payment-methods/${id}?done=proposed`);
    m = await method(id);
    expect(m.accountDetails).toBe(before.accountDetails);
    const [change] = (await changesOf(id)).filter((c) => c.status === 'pending');
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
    expect(await changesOf(id)).toHaveLength(2);

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
    expect(await findChange(change!.id)).toMatchObject({ status: 'confirmed', decidedBy: admins[1]!.id });
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

  it('in a shop with a single admin, the operator confirms from the command line', async () => {
    const pm = await insertPaymentMethod(t.db, { name: 'Console wire', accountDetails: 'Console old' });
    await finance.get(`/admin/payment-methods/${pm.id}`);
    const edit = { ...form({ name: pm.name, accountDetails: 'Console new' }) };
    expect((await finance.post(`/admin/payment-methods/${pm.id}`, edit)).statusCode).toBe(303);
    const [change] = await changesOf(pm.id);
    const out: string[] = [];
    const run = (...args: string[]) => paymentChangesCommand(t.db, args, 'http://shop.test', (l) => out.push(l));
    expect(await run('list')).toBe(0);
    expect(out.join('\n')).toContain(`#${change!.id}`);
    expect(out.join('\n')).toContain('Console new');
    expect(await run('confirm', 'nonsense')).toBe(1);
    expect(await run('confirm', String(change!.id))).toBe(0);
    expect((await method(pm.id)).accountDetails).toBe('Console new');
    expect(await findChange(change!.id)).toMatchObject({
      status: 'confirmed',
      decidedBy: null,
      decidedOnConsole: true,
    });
    expect(await run('confirm', String(change!.id))).toBe(1);
    expect((await finance.get(`/admin/payment-methods/${pm.id}`)).body).toContain('Operator (command line)');
  });
});
