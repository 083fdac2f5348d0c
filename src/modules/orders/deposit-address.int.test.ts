import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { insertPaymentMethod } from '../../../test/factories.js';
import { placeOrder, png, today, uploadProof } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { demoDepositKeys } from '../../demo/demo-payment-methods.js';
import {
  auditLog,
  depositAddresses,
  orders,
  outboxMessages,
  paymentMethodChanges,
  paymentMethods,
} from '../../platform/db/schema.js';

const ZPRV =
  'zprvAdG4iTXWBoARxkkzNpNh8r6Qag3irQB8PzEMkAFeTRXxHpbF9z4QgEvBRmfvqWvGp42t42nvgGpNgYSJA9iefm1yYNZKEm7z6qUWCroSQnE';
const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const BTC_0 = 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu';
const BTC_1 = 'bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g';

let t: TestApp;
let sales: BrowserClient;
let finance: BrowserClient;
let admin: BrowserClient;
beforeAll(async () => {
  t = await createTestApp();
  sales = (await loggedInClient(t.app, t.db, 'sales')).client;
  finance = (await loggedInClient(t.app, t.db, 'finance')).client;
  admin = (await loggedInClient(t.app, t.db, 'admin')).client;
  for (const c of [sales, finance, admin]) await c.get('/admin');
});
afterAll(() => t.close());

const quote = async (number: string, by = sales) => {
  await by.get(`/admin/orders/${number}`);
  const res = await by.post(`/admin/orders/${number}/freight`, { freight: '450.00', validDays: '7', note: '' });
  expect(res.statusCode).toBe(303);
};
const addressOf = async (number: string) => {
  const [o] = await t.db.select().from(orders).where(eq(orders.number, number));
  return (await t.db.select().from(depositAddresses).where(eq(depositAddresses.orderId, o!.id)))[0];
};
const methodForm = (overrides: Record<string, string> = {}) => ({
  name: 'Bitcoin',
  instructions: 'Send BTC worth the balance.',
  accountDetails: 'Per-order address',
  minOrder: '',
  maxOrder: '',
  largeOrderOnly: '',
  active: 'on',
  sortOrder: '4',
  depositNetwork: 'btc',
  ...overrides,
});

describe('per-order deposit addresses', () => {
  it('a quoted order gets the next index, shown only to its buyer, on the page, the PI and beside each proof', async () => {
    const method = await insertPaymentMethod(t.db, { depositNetwork: 'btc', depositKey: demoDepositKeys.btc });
    const buyer = (await loggedInClient(t.app, t.db)).client;
    const first = await placeOrder(buyer, t.db, { methodId: method.id });
    const second = await placeOrder(buyer, t.db, { methodId: method.id });
    expect(await addressOf(first.number)).toBeUndefined();
    await quote(first.number);
    await quote(second.number);
    expect(await addressOf(first.number)).toMatchObject({ derivationIndex: 0, address: BTC_0 });
    expect(await addressOf(second.number)).toMatchObject({ derivationIndex: 1, address: BTC_1 });

    const page = await buyer.get(`/orders/${first.number}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(BTC_0);
    expect(page.body).toContain(`href="bitcoin:${BTC_0}"`);
    expect(page.body).toMatch(/<figure class="deposit-qr"[^>]*><svg/);
    expect(page.body).not.toContain('Per-order address');
    expect(page.body).not.toContain(BTC_1);
    const pi = await buyer.get(`/orders/${first.number}/pi`);
    expect(pi.statusCode).toBe(200);
    expect(pi.body).toContain(BTC_0);

    const up = await uploadProof(
      t.app,
      buyer,
      first.number,
      { amount: '1000.00', reference: 'TX-1', paidOn: today() },
      { name: 'tx.png', type: 'image/png', data: png(1) },
    );
    expect(up.statusCode).toBe(303);
    const staff = await finance.get(`/admin/orders/${first.number}`);
    expect(staff.body).toMatch(new RegExp(`class="card proof"[\\s\\S]*${BTC_0}`));

    // Another buyer never sees the order, its PI or its address.
    const other = (await loggedInClient(t.app, t.db)).client;
    for (const path of [`/orders/${first.number}`, `/orders/${first.number}/pi`]) {
      const res = await other.get(path);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(BTC_0);
    }
  });

  it('an order quoted before its method had a key gets one address on its first views', async () => {
    const method = await insertPaymentMethod(t.db);
    const buyer = (await loggedInClient(t.app, t.db)).client;
    const { number } = await placeOrder(buyer, t.db, { methodId: method.id });
    await quote(number);
    const key = demoDepositKeys.erc20;
    await t.db
      .update(paymentMethods)
      .set({ depositNetwork: 'erc20', depositKey: key })
      .where(eq(paymentMethods.id, method.id));
    const [a, b] = await Promise.all([buyer.get(`/orders/${number}`), buyer.get(`/orders/${number}`)]);
    expect(a.body).toContain('0x9858EfFD232B4033E47d90003D41EC34EcaEda94');
    expect(b.body).toContain('0x9858EfFD232B4033E47d90003D41EC34EcaEda94');
    // EIP-681 with the balance (6,450.00 USDT) in 6-decimal units.
    expect(a.body).toContain('@1/transfer?address=0x9858EfFD232B4033E47d90003D41EC34EcaEda94&uint256=6450000000');
    expect(a.body).toContain('6,450.00 USDT'); // an amount to pay shows its cents, even when round
    const rows = await t.db.select().from(depositAddresses).where(eq(depositAddresses.paymentMethodId, method.id));
    expect(rows).toHaveLength(1);
  });

  it('a key is set through the two-admin change, and the admins see its first address', async () => {
    const res = await finance.post('/admin/payment-methods', methodForm({ depositKey: demoDepositKeys.btc }));
    expect(res.statusCode).toBe(303);
    const [change] = await t.db.select().from(paymentMethodChanges).where(eq(paymentMethodChanges.status, 'pending'));
    expect(change!.proposedTerms).toMatchObject({ depositNetwork: 'btc', depositKey: demoDepositKeys.btc });
    const list = await admin.get('/admin/payment-methods');
    expect(list.body).toContain(BTC_0);
    // The proposer cannot confirm their own change.
    expect((await finance.post(`/admin/payment-methods/changes/${change!.id}/confirm`)).statusCode).toBe(403);
    expect((await admin.post(`/admin/payment-methods/changes/${change!.id}/confirm`)).statusCode).toBe(303);
    const [method] = await t.db.select().from(paymentMethods).where(eq(paymentMethods.name, 'Bitcoin'));
    expect(method).toMatchObject({ depositNetwork: 'btc', depositKey: demoDepositKeys.btc });
  });

  it('refuses a pasted private key or seed phrase, and keeps it nowhere', async () => {
    for (const secret of [ZPRV, MNEMONIC]) {
      const res = await finance.post('/admin/payment-methods', methodForm({ name: 'Leaky', depositKey: secret }));
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('This is a private key or a seed phrase');
      expect(res.body).not.toContain(secret.slice(0, 40));
    }
    const everything = JSON.stringify([
      await t.db.select().from(paymentMethodChanges),
      await t.db.select().from(paymentMethods),
      await t.db.select().from(auditLog),
      await t.db.select().from(outboxMessages),
    ]);
    expect(everything).not.toContain(ZPRV.slice(0, 40));
    expect(everything).not.toContain('abandon abandon');
    expect(everything).not.toContain('Leaky');
  });

  it('refuses a testnet key or one of another network with a clear message', async () => {
    const tpub =
      'tpubDC8msFGeGuwnKG9Upg7DM2b4DaRqg3CUZa5g8v2SRQ6K4NSkxUgd7HsL2XVWbVm39yBA4LAxysQAm397zwQSQoQgewGiYZqrA9DsP4zbQ1M';
    const testnet = await finance.post('/admin/payment-methods', methodForm({ depositKey: tpub }));
    expect(testnet.statusCode).toBe(422);
    expect(testnet.body).toMatch(/testnet key|not an extended public key/);
    const wrong = await finance.post(
      '/admin/payment-methods',
      methodForm({ depositNetwork: 'erc20', depositKey: demoDepositKeys.btc }),
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('For USDT paste the xpub');
  });
});

// Quotes at the same moment on separate connections: PGlite has one connection, so no race there.
describe.skipIf(!process.env.DATABASE_URL)('concurrent quotes', () => {
  it('never share an index', async () => {
    const method = await insertPaymentMethod(t.db, { depositNetwork: 'trc20', depositKey: demoDepositKeys.trc20 });
    const buyer = (await loggedInClient(t.app, t.db)).client;
    const placed: { number: string }[] = [];
    for (let i = 0; i < 6; i++) placed.push(await placeOrder(buyer, t.db, { methodId: method.id }));
    const staff = await Promise.all(placed.map(async () => (await loggedInClient(t.app, t.db, 'sales')).client));
    for (const [i, s] of staff.entries()) await s.get(`/admin/orders/${placed[i]!.number}`);
    await Promise.all(
      staff.map((s, i) =>
        s.post(`/admin/orders/${placed[i]!.number}/freight`, { freight: '450.00', validDays: '7', note: '' }),
      ),
    );
    const rows = await t.db.select().from(depositAddresses).where(eq(depositAddresses.paymentMethodId, method.id));
    expect(rows.map((r) => r.derivationIndex).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(rows.map((r) => r.address)).size).toBe(6);
  });
});
