import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { insertProduct } from '../../../test/factories.js';
import { paidOrder, postRefund } from '../../../test/refunds.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { auditVerifyCommand, listAudit, recordAudit, verifyAuditChain } from '../../platform/audit/index.js';
import { auditLog, products } from '../../platform/db/schema.js';

describe('audit log', () => {
  let t: TestApp;
  let admin: BrowserClient;
  let adminUser: { id: number; email: string };
  let sales: BrowserClient;
  let finance: BrowserClient;
  let buyer: BrowserClient;
  beforeAll(async () => {
    t = await createTestApp();
    ({ client: admin, user: adminUser } = await loggedInClient(t.app, t.db, 'admin'));
    sales = (await loggedInClient(t.app, t.db, 'sales')).client;
    finance = (await loggedInClient(t.app, t.db, 'finance')).client;
    buyer = (await loggedInClient(t.app, t.db)).client;
    for (const c of [admin, sales, finance]) await c.get('/admin');
  });
  afterAll(() => t.close());

  const records = (action: string) =>
    t.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(auditLog.id);

  it('staff actions append who, what, before and after, in one intact chain', async () => {
    const p = await insertProduct(t.db, { stock: 10 });
    await admin.get(`/admin/products/${p.id}`);
    expect((await admin.post(`/admin/products/${p.id}/stock`, { delta: '-3', note: 'Damaged' })).statusCode).toBe(303);
    const [stock] = await records('stock.adjust');
    expect(stock).toMatchObject({
      actorId: adminUser.id,
      actorEmail: adminUser.email,
      subjectType: 'product',
      subjectId: String(p.id),
      after: { delta: -3, note: 'Damaged', stock: 7 },
    });

    const { updateProduct } = await import('../../modules/catalog/actions/save-product.js');
    const [row] = await t.db.select().from(products).where(eq(products.id, p.id));
    const { id: _id, stock: _s, createdAt: _c, updatedAt: _u, search: _q, priceCents, ...rest } = row!;
    await updateProduct(t.actions, p.id, { ...rest, price: priceCents + 100 } as never, {
      id: adminUser.id,
      email: adminUser.email,
      fullName: 'The Admin',
    });
    const [update] = await records('product.update');
    expect(update).toMatchObject({ before: { priceCents }, after: { priceCents: priceCents + 100 } });

    // A paid order: sales quotes, finance approves; the admin cancels and finance records the refund.
    const order = await paidOrder(t.app, t.db, { sales, finance }, buyer);
    await admin.get(`/admin/orders/${order.number}`);
    expect((await admin.post(`/admin/orders/${order.number}/cancel`, { reason: 'Factory delay' })).statusCode).toBe(
      303,
    );
    await finance.get(`/admin/orders/${order.number}`);
    expect((await postRefund(t.app, finance, order.number, { amount: '6450.00' })).statusCode).toBe(303);

    const transitions = (await records('order.transition')).filter((r) => r.subjectId === order.number);
    expect(transitions.map((r) => (r.after as { event: string }).event)).toEqual([
      'setFreight',
      'approvePayment',
      'cancelOrder',
    ]);
    expect(transitions[0]!.after).toMatchObject({ status: 'awaiting_payment', freightCents: 45_000 });
    expect(transitions[2]).toMatchObject({ before: { status: 'ready_to_ship' }, after: { note: 'Factory delay' } });
    const [review] = await records('payment.review');
    expect(review!.after).toMatchObject({ status: 'approved', order: order.number, amountCents: 645_000 });
    const [refund] = await records('refund.record');
    expect(refund!.after).toMatchObject({ order: order.number, amountCents: 645_000, reference: 'RF-0001' });
    // The buyer's own steps (placing, uploading a proof) are not staff changes.
    expect(transitions.every((r) => r.actorId !== order.customerId)).toBe(true);

    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('role changes, customer tags and notes are recorded with the admin as actor', async () => {
    const { user: clerk } = await loggedInClient(t.app, t.db, 'sales');
    await admin.get('/admin/users');
    expect((await admin.post(`/admin/users/${clerk!.id}/role`, { role: 'warehouse' })).statusCode).toBe(303);
    const [role] = (await records('user.role')).filter((r) => r.subjectId === String(clerk!.id));
    expect(role).toMatchObject({ actorId: adminUser.id, before: { role: 'sales' }, after: { role: 'warehouse' } });

    const { user: customer } = await loggedInClient(t.app, t.db);
    await admin.get(`/admin/customers/${customer!.id}`);
    await admin.post(`/admin/customers/${customer!.id}/tags`, { tag: 'wholesale' });
    await admin.post(`/admin/customers/${customer!.id}/notes`, { body: 'Prefers sea freight' });
    const subject = (r: { subjectId: string }) => r.subjectId === String(customer!.id);
    expect((await records('customer.tag')).filter(subject)[0]!.after).toEqual({ tag: 'wholesale' });
    expect((await records('customer.note')).filter(subject)[0]!.after).toEqual({ note: 'Prefers sea freight' });
  });

  it('refuses UPDATE, DELETE and TRUNCATE; a change made around the trigger is reported by verify', async () => {
    await t.db.transaction((tx) =>
      recordAudit(tx, { actor: null, action: 'settings.update', subject: { type: 'settings', id: 'shop' } }),
    );
    const all = await t.db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id);
    expect(all.length).toBeGreaterThan(3);
    const middle = all[1]!.id;
    await expect(t.db.execute(sql`update audit_log set action = 'x' where id = ${middle}`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_log where id = ${middle}`)).rejects.toThrow();
    await expect(t.db.execute(sql`truncate audit_log`)).rejects.toThrow();

    const lines: string[] = [];
    expect(await auditVerifyCommand(t.db, (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/^OK: \d+ audit records/);

    // Someone with the database owner's rights goes around the trigger.
    await t.db.execute(sql`alter table audit_log disable trigger user`);
    try {
      await t.db.execute(sql`update audit_log set after = '{"priceCents": 1}'::jsonb where id = ${middle}`);
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, id: middle, reason: 'hash' });
      lines.length = 0;
      expect(await auditVerifyCommand(t.db, (l) => lines.push(l))).toBe(1);
      expect(lines[0]).toContain(`BROKEN at audit record ${middle}`);

      // Recomputing that record's hash does not help: the next one points at the old hash.
      const { recordHash } = await import('../../platform/audit/index.js');
      const [changed] = await t.db.select().from(auditLog).where(eq(auditLog.id, middle));
      const { hash: _h, ...fields } = changed!;
      await t.db.execute(sql`update audit_log set hash = ${recordHash(fields)} where id = ${middle}`);
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, id: middle + 1, reason: 'prev-hash' });

      // A deleted record leaves a gap.
      const third = all[3]!.id;
      await t.db.execute(sql`delete from audit_log where id = ${third}`);
      expect(await verifyAuditChain(t.db, 2)).toMatchObject({ ok: false });
    } finally {
      await t.db.execute(sql`alter table audit_log enable trigger user`);
    }
  });

  it('a deleted record is a gap', async () => {
    const fresh = await createTestApp();
    try {
      for (let i = 0; i < 3; i++)
        await fresh.db.transaction((tx) =>
          recordAudit(tx, { actor: null, action: 'help-page.save', subject: { type: 'help-page', id: i } }),
        );
      await fresh.db.execute(sql`alter table audit_log disable trigger user`);
      await fresh.db.execute(sql`delete from audit_log where id = 2`);
      expect(await verifyAuditChain(fresh.db)).toEqual({ ok: false, count: 1, id: 3, reason: 'gap' });
    } finally {
      await fresh.close();
    }
  });

  it('concurrent appends keep one linear chain (real connections on PostgreSQL)', async () => {
    const fresh = await createTestApp();
    try {
      await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          fresh.db.transaction(async (tx) => {
            // Work before the append, so the transactions really overlap.
            await tx.execute(sql`select pg_sleep(0)`);
            await recordAudit(tx, { actor: null, action: 'customer.tag', subject: { type: 'customer', id: i } });
          }),
        ),
      );
      expect(await verifyAuditChain(fresh.db, 5)).toMatchObject({ ok: true, count: 24 });
    } finally {
      await fresh.close();
    }
  });

  it('/admin/audit is for admins only', async () => {
    expect((await admin.get('/admin/audit')).statusCode).toBe(200);
    for (const c of [sales, finance, buyer]) expect((await c.get('/admin/audit')).statusCode).toBe(403);
    const menu = (await admin.get('/admin')).body;
    expect(menu).toContain('href="/admin/audit"');
    expect((await finance.get('/admin')).body).not.toContain('href="/admin/audit"');
  });

  it('lists newest first, filters, pages by keyset, and refuses unknown filter values', async () => {
    const page = await admin.get('/admin/audit?action=stock.adjust');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Damaged');
    expect(page.body).not.toContain('Factory delay');
    const byActor = await admin.get(`/admin/audit?actor=${adminUser.id}&subject=order`);
    expect(byActor.body).toContain('cancelOrder');
    expect(byActor.body).not.toContain('approvePayment');
    const today = new Date().toISOString().slice(0, 10);
    expect((await admin.get(`/admin/audit?from=${today}&to=${today}`)).body).toContain('Damaged');
    expect((await admin.get('/admin/audit?to=2000-01-01')).body).toContain('No records match');

    for (const bad of ['action=product.delete', 'subject=planet', 'actor=abc', 'from=2026-13-01', 'colour=red'])
      expect((await admin.get(`/admin/audit?${bad}`)).statusCode, bad).toBe(400);

    const first = await listAudit(t.db, {}, 2);
    expect(first.rows[0]!.id).toBeGreaterThan(first.rows[1]!.id);
    const second = await listAudit(t.db, { after: first.next }, 2);
    expect(second.rows[0]!.id).toBeLessThan(first.rows[1]!.id);
  });
});
