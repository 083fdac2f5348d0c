import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { roles } from '../../platform/auth/roles.js';
import { outboxMessages } from '../../platform/db/schema.js';
import { approvedCenter, completedOrder, submitCaseForm } from './after-sales.test-helpers.js';
import { afterSalesCases, caseEvents } from './case.tables.js';

let t: TestApp;
let staff: Record<'support' | 'support2' | 'warehouse' | 'sales' | 'finance' | 'admin', BrowserClient>;
beforeAll(async () => {
  t = await createTestApp();
  const login = async (role: (typeof roles)[number]) => (await loggedInClient(t.app, t.db, role)).client;
  staff = {
    support: await login('support'),
    support2: await login('support'),
    warehouse: await login('warehouse'),
    sales: await login('sales'),
    finance: await login('finance'),
    admin: await login('admin'),
  };
  for (const c of Object.values(staff)) await c.get('/');
});
afterAll(() => t.close());

const row = async (number: string) =>
  (await t.db.select().from(afterSalesCases).where(eq(afterSalesCases.number, number)))[0]!;
const mailsFor = async (number: string) =>
  (await t.db.select().from(outboxMessages)).filter((m) => m.subject.includes(number)).length;

async function openCase(kind: 'miner' | 'general' = 'miner') {
  const o = await completedOrder(t, { kind, quantity: 1 });
  const res = await submitCaseForm(t, o);
  expect(res.statusCode).toBe(303);
  return { ...o, caseNumber: String(res.headers.location).replace('/after-sales/', '') };
}

describe('case lifecycle through the pages', () => {
  it('repair: review → repair at the suggested center → received → unrepairable → reissue shipped → customer confirms', async () => {
    const near = await approvedCenter(t, { name: 'Madrid Miner Fix', country: 'ES', city: 'Madrid' });
    await approvedCenter(t, { name: 'Lisbon Other Brand', country: 'PT', brands: ['Canaan'] });
    const c = await openCase('miner');
    const url = `/admin/after-sales/${c.caseNumber}`;
    const page = await staff.support.get(url);
    expect(page.body).toContain('Nearest approved repair centers for Bitmain');
    expect(page.body).toContain('Madrid Miner Fix');
    expect(page.body).toContain(c.serials[0]!); // the shipped unit's serial, from the packing record
    expect(page.body).toContain('SEAL-');
    let mails = await mailsFor(c.caseNumber);

    const step = async (client: BrowserClient, path: string, form: Record<string, string>, status: string) => {
      const res = await client.post(`${url}${path}`, form);
      expect(res.statusCode, `${path}: ${res.body.slice(0, 200)}`).toBe(303);
      expect((await row(c.caseNumber)).status).toBe(status);
      expect(await mailsFor(c.caseNumber)).toBe(++mails);
    };
    await step(staff.support, '/events/startReview', {}, 'under_review');
    await step(
      staff.support,
      '/decide/repair',
      { repairCenterId: String(near.id), note: 'Pack it in the original box.' },
      'awaiting_unit',
    );
    let r = await row(c.caseNumber);
    expect(r).toMatchObject({ resolution: 'repair', repairCenterId: near.id, dueAt: null });
    const customerView = await c.buyer.get(`/after-sales/${c.caseNumber}`);
    expect(customerView.body).toContain('Send the unit to this repair center');
    expect(customerView.body).toContain('Madrid Miner Fix');
    await step(staff.support, '/events/receiveUnit', {}, 'at_repair_center');
    await step(staff.support, '/events/markUnrepairable', { note: 'Chips burnt.' }, 'awaiting_reissue');
    r = await row(c.caseNumber);
    expect(r.resolution).toBe('reissue');
    expect(r.dueAt).toEqual(r.reissueDueAt);
    expect(r.reissueDueAt!.getTime() - Date.now()).toBeGreaterThan(2 * 86_400_000 - 60_000);
    await staff.warehouse.get(url);
    await step(staff.warehouse, '/ship', { carrier: 'DHL', tracking: 'JD0001234' }, 'reissue_shipped');
    await c.buyer.get(`/after-sales/${c.caseNumber}`);
    const confirm = await c.buyer.post(`/after-sales/${c.caseNumber}/events/confirmReissueReceived`);
    expect(confirm.statusCode).toBe(303);
    r = await row(c.caseNumber);
    expect(r.status).toBe('resolved');
    expect(r.closedAt).not.toBeNull();
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, r.id));
    expect(events.map((e) => e.event)).toEqual([
      'submitCase',
      'startReview',
      'decideRepair',
      'receiveUnit',
      'markUnrepairable',
      'shipReissue',
      'confirmReissueReceived',
    ]);
  });

  it('repair straight through: repaired resolves the case', async () => {
    const center = await approvedCenter(t);
    const c = await openCase('miner');
    const url = `/admin/after-sales/${c.caseNumber}`;
    expect((await staff.admin.post(`${url}/decide/repair`, { repairCenterId: String(center.id) })).statusCode).toBe(
      303,
    );
    expect((await staff.support.post(`${url}/events/receiveUnit`)).statusCode).toBe(303);
    expect((await staff.support.post(`${url}/events/markRepaired`)).statusCode).toBe(303);
    expect((await row(c.caseNumber)).status).toBe('resolved');
  });

  it('reissue decided on general goods, shipped, then closed by support; rejection carries its reason', async () => {
    const c = await openCase('general');
    const url = `/admin/after-sales/${c.caseNumber}`;
    expect((await staff.support.post(`${url}/decide/reissue`, { note: '' })).statusCode).toBe(303);
    expect((await staff.support.post(`${url}/ship`, { carrier: 'UPS', tracking: '1Z999' })).statusCode).toBe(303);
    expect((await staff.support.post(`${url}/events/closeCase`, { note: 'Delivered per UPS.' })).statusCode).toBe(303);
    expect((await row(c.caseNumber)).status).toBe('resolved');

    const d = await openCase('general');
    const missing = await staff.support.post(`/admin/after-sales/${d.caseNumber}/decide/reject`, { reason: '' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Give a reason');
    expect(
      (
        await staff.support.post(`/admin/after-sales/${d.caseNumber}/decide/reject`, {
          reason: 'Damage is not covered: liquid.',
        })
      ).statusCode,
    ).toBe(303);
    expect((await row(d.caseNumber)).status).toBe('rejected');
    expect((await d.buyer.get(`/after-sales/${d.caseNumber}`)).body).toContain(
      'Not accepted: Damage is not covered: liquid.',
    );
  });

  it('will not send general goods to a repair center, nor to a center that is not approved', async () => {
    const c = await openCase('general');
    const center = await approvedCenter(t);
    expect(
      (
        await staff.support.post(`/admin/after-sales/${c.caseNumber}/decide/repair`, {
          repairCenterId: String(center.id),
        })
      ).statusCode,
    ).toBe(409);
    const m = await openCase('miner');
    const pending = await approvedCenter(t, { status: 'in_review', publishedAt: null });
    const res = await staff.support.post(`/admin/after-sales/${m.caseNumber}/decide/repair`, {
      repairCenterId: String(pending.id),
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Choose an approved repair center');
  });

  it("links the order's cases from the staff order page, without the buyer's request button", async () => {
    const c = await openCase('miner');
    const page = await staff.support.get(`/admin/orders/${c.number}`);
    expect(page.body).toContain(`href="/admin/after-sales/${c.caseNumber}"`);
    expect(page.body).not.toContain('Request after-sales service');
  });

  it('shows repair-center names escaped in the decision form (they are written by outside users)', async () => {
    await approvedCenter(t, { name: '<img src=x onerror=alert(1)> Fix', country: 'ES' });
    const c = await openCase('miner');
    const page = await staff.support.get(`/admin/after-sales/${c.caseNumber}`);
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)');
  });
});

describe('forbidden transitions', () => {
  it('refuses the wrong role (403) and the wrong state (409), changing nothing', async () => {
    const c = await openCase('miner');
    const url = `/admin/after-sales/${c.caseNumber}`;
    for (const who of [staff.warehouse, staff.sales, staff.finance, c.buyer]) {
      expect((await who.post(`${url}/decide/reissue`)).statusCode).toBe(403);
    }
    expect((await staff.support.post(`${url}/ship`, { carrier: 'DHL', tracking: 'JD0001' })).statusCode).toBe(409);
    expect((await staff.support.post(`${url}/events/markRepaired`)).statusCode).toBe(409);
    expect((await c.buyer.post(`/after-sales/${c.caseNumber}/events/confirmReissueReceived`)).statusCode).toBe(409);
    expect((await staff.support.post(`${url}/events/confirmReissueReceived`)).statusCode).toBe(404);
    expect((await row(c.caseNumber)).status).toBe('submitted');
  });

  it('lets exactly one of two simultaneous decisions win', async () => {
    const c = await openCase('miner');
    const url = `/admin/after-sales/${c.caseNumber}`;
    await staff.support2.get(url);
    const [a, b] = await Promise.all([
      staff.support.post(`${url}/decide/reissue`, { note: 'one' }),
      staff.support2.post(`${url}/decide/reject`, { reason: 'two' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([303, 409]);
    const r = await row(c.caseNumber);
    expect(['awaiting_reissue', 'rejected']).toContain(r.status);
    expect(await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, r.id))).toHaveLength(2);
  });
});

describe('permission matrix on the back office', () => {
  it('support and warehouse (and admin) see cases; sales, finance and customers do not; visitors log in', async () => {
    const c = await openCase('general');
    const urls = ['/admin/after-sales', `/admin/after-sales/${c.caseNumber}`];
    for (const u of urls) {
      for (const who of [staff.support, staff.warehouse, staff.admin])
        expect((await who.get(u)).statusCode, u).toBe(200);
      for (const who of [staff.sales, staff.finance, c.buyer]) expect((await who.get(u)).statusCode, u).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: u })).statusCode).toBe(303);
    }
    expect((await staff.support.get('/admin/after-sales/AS-0000-000000')).statusCode).toBe(404);
    expect((await staff.support.get('/admin')).body).toContain('href="/admin/after-sales"');
    expect((await staff.sales.get('/admin')).body).not.toContain('href="/admin/after-sales"');
  });
});

describe('support queue', () => {
  it('counts cases per state and puts overdue cases on top', async () => {
    const late = await openCase('general');
    await t.db
      .update(afterSalesCases)
      .set({ dueAt: new Date(Date.now() - 3_600_000) })
      .where(eq(afterSalesCases.number, late.caseNumber));
    const page = await staff.support.get('/admin/after-sales');
    const first = /<tbody><tr[^>]*><td><a href="\/admin\/after-sales\/([^"]+)"/.exec(page.body)?.[1];
    expect(first).toBe(late.caseNumber);
    expect(page.body).toMatch(/overdue by 1 h/);
    const overdue = await staff.support.get('/admin/after-sales?queue=overdue');
    expect(overdue.body).toContain(late.caseNumber);
    expect(overdue.body).toMatch(/Overdue <span class="count">1<\/span>/);
    expect((await staff.support.get('/admin/after-sales?queue=resolved')).body).not.toContain(late.caseNumber);
  });

  it('answers an unknown queue with 400 and says so; every real queue shows its own cases', async () => {
    const { caseNumber } = await openCase('general');
    const unknown = await staff.support.get('/admin/after-sales?queue=awaiting_payment');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('There is no such queue');
    expect(unknown.body).not.toMatch(/\?queue=\w+" aria-current="page"/); // no queue pretends to be the one asked for
    expect(unknown.body).not.toContain(caseNumber);

    for (const [queue, listed] of Object.entries({ open: true, submitted: true, resolved: false })) {
      const res = await staff.support.get(`/admin/after-sales?queue=${queue}`);
      expect(res.statusCode, queue).toBe(200);
      expect(res.body, queue).toContain(`href="/admin/after-sales?queue=${queue}" aria-current="page"`);
      expect(res.body.includes(`/admin/after-sales/${caseNumber}"`), queue).toBe(listed);
    }
    expect((await staff.support.get('/admin/after-sales')).body).toContain('?queue=open" aria-current="page"');
  });
});
