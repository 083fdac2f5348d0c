import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { insertProduct } from '../../../test/factories.js';
import { paidOrder } from '../../../test/refunds.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { Role } from '../../platform/auth/roles.js';
import { afterSalesCases, orders, repairCenters } from '../../platform/db/schema.js';

const BOM = '\uFEFF';
const exports: { url: string; list: string; role: Role; denied: Role; header: string }[] = [
  { url: '/admin/products.csv', list: '/admin/products', role: 'admin', denied: 'sales', header: 'id,sku,slug,name,' },
  { url: '/admin/refunds.csv', list: '/admin/refunds', role: 'finance', denied: 'sales', header: 'id,order,owed_usd,' },
  {
    url: '/admin/payments.csv',
    list: '/admin/refunds',
    role: 'finance',
    denied: 'warehouse',
    header: 'id,order,amount_usd,',
  },
  {
    url: '/admin/after-sales.csv',
    list: '/admin/after-sales',
    role: 'support',
    denied: 'finance',
    header: 'number,order,type,',
  },
  {
    url: '/admin/repair-centers.csv',
    list: '/admin/repair-centers',
    role: 'support',
    denied: 'sales',
    header: 'id,name,status,',
  },
];

describe('CSV exports of the back-office lists', () => {
  let t: TestApp;
  const clients = new Map<Role, BrowserClient>();
  let buyer: BrowserClient;
  let orderNumber: string;
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['admin', 'sales', 'finance', 'warehouse', 'support'] as const) {
      const c = (await loggedInClient(t.app, t.db, role)).client;
      await c.get('/admin');
      clients.set(role, c);
    }
    buyer = (await loggedInClient(t.app, t.db)).client;
    await insertProduct(t.db, { name: '@Evil, "quoted" miner', priceCents: 123_456 });
    const order = await paidOrder(
      t.app,
      t.db,
      { sales: clients.get('sales')!, finance: clients.get('finance')! },
      buyer,
    );
    orderNumber = order.number;
    const admin = clients.get('admin')!;
    await admin.get(`/admin/orders/${order.number}`);
    await admin.post(`/admin/orders/${order.number}/cancel`, { reason: 'Out of stock' });
  });
  afterAll(() => t.close());

  for (const e of exports) {
    it(`${e.url}: BOM and header for ${e.role}, refused to ${e.denied} and buyers, linked from ${e.list}`, async () => {
      const res = await clients.get(e.role)!.get(e.url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
      expect(res.body.startsWith(BOM + e.header)).toBe(true);
      expect((await clients.get(e.denied)!.get(e.url)).statusCode).toBe(403);
      expect((await buyer.get(e.url)).statusCode).toBe(403);
      expect((await clients.get(e.role)!.get(e.list)).body).toContain(`href="${e.url}"`);
    });
  }

  it('rows carry decimal dollars, quoting and neutralised formulas', async () => {
    const products = (await clients.get('admin')!.get('/admin/products.csv')).body;
    expect(products).toContain(`"'@Evil, ""quoted"" miner"`);
    expect(products).toContain(',1234.56,');
    // The list's search applies to its export, and its link carries it.
    const found = (await clients.get('admin')!.get('/admin/products.csv?q=evil')).body.split('\r\n').filter(Boolean);
    expect(found).toHaveLength(2);
    expect((await clients.get('admin')!.get('/admin/products?q=evil')).body).toContain(
      'href="/admin/products.csv?q=evil"',
    );
    const refunds = (await clients.get('finance')!.get('/admin/refunds.csv')).body;
    expect(refunds).toContain(`,${orderNumber},6450.00,0.00,`);
    const payments = (await clients.get('finance')!.get('/admin/payments.csv')).body;
    expect(payments).toContain(`,${orderNumber},6450.00,PAY-${orderNumber},`);
  });

  it("each export takes its page's filter, and its page links it; an unknown value or filter is a 400", async () => {
    const [order] = await t.db.select().from(orders).where(eq(orders.number, orderNumber));
    const open = {
      orderId: order!.id,
      customerId: order!.customerId,
      type: 'defective',
      description: 'x',
      decisionDueAt: new Date(Date.now() + 86_400_000),
    } as const;
    await t.db.insert(afterSalesCases).values([
      { ...open, number: 'AS-X-OPEN', status: 'under_review', standardResolution: 'repair' },
      { ...open, number: 'AS-X-DONE', status: 'resolved', standardResolution: 'repair' },
    ]);
    const center = { ownerId: order!.customerId, country: 'KZ', city: 'Almaty', address: 'Abay 1' } as const;
    await t.db.insert(repairCenters).values([
      { ...center, name: 'Waiting Repairs', phone: '+7 700 000 0001', email: 'w@example.test', status: 'in_review' },
      { ...center, name: 'Approved Repairs', phone: '+7 700 000 0002', email: 'a@example.test', status: 'approved' },
    ]);
    const [support, finance] = [clients.get('support')!, clients.get('finance')!];
    const csv = async (c: BrowserClient, url: string) => {
      const res = await c.get(url);
      expect(res.statusCode, url).toBe(200);
      return res.body;
    };

    const openCases = await csv(support, '/admin/after-sales.csv?queue=open');
    expect(openCases).toContain('AS-X-OPEN');
    expect(openCases).not.toContain('AS-X-DONE');
    expect(await csv(support, '/admin/after-sales.csv?queue=resolved')).toContain('AS-X-DONE');
    expect(await csv(support, '/admin/after-sales.csv')).toContain('AS-X-DONE');
    expect((await support.get('/admin/after-sales?queue=open')).body).toContain(
      'href="/admin/after-sales.csv?queue=open"',
    );

    const waiting = await csv(support, '/admin/repair-centers.csv?status=in_review');
    expect(waiting).toContain('Waiting Repairs');
    expect(waiting).not.toContain('Approved Repairs');
    expect((await support.get('/admin/repair-centers')).body).toContain(
      'href="/admin/repair-centers.csv?status=in_review"',
    );

    expect(await csv(finance, '/admin/refunds.csv?status=due')).toContain(`,${orderNumber},`);
    expect(await csv(finance, '/admin/refunds.csv?status=settled')).not.toContain(`,${orderNumber},`);
    expect((await finance.get('/admin/refunds')).body).toContain('href="/admin/refunds.csv?status=due"');
    expect(await csv(finance, '/admin/payments.csv?status=approved')).toContain(`,${orderNumber},`);
    expect(await csv(finance, '/admin/payments.csv?status=pending')).not.toContain(`,${orderNumber},`);

    for (const [c, url, field] of [
      [support, '/admin/after-sales.csv?queue=lost', 'queue'],
      [support, '/admin/repair-centers.csv?status=published', 'status'],
      [finance, '/admin/refunds.csv?status=owed', 'status'],
      [finance, '/admin/payments.csv?state=approved', 'state'],
    ] as const) {
      const res = await c.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toMatch(field === 'state' ? /filter this list does not have/ : /not one of the choices/);
    }
  });
});
