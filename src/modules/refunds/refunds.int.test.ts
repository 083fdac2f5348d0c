import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { paidOrder, postRefund } from '../../../test/refunds.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { orders, outboxMessages, refundPayments, refunds, users } from '../../platform/db/schema.js';
import { htmlText, pdfText } from '../invoices/pdf-text.test-helper.js';

describe('refunds of cancelled, paid orders', () => {
  let t: TestApp;
  let sales: BrowserClient;
  let finance: BrowserClient;
  let admin: BrowserClient;
  let buyer: BrowserClient;
  beforeAll(async () => {
    t = await createTestApp();
    sales = (await loggedInClient(t.app, t.db, 'sales')).client;
    finance = (await loggedInClient(t.app, t.db, 'finance')).client;
    admin = (await loggedInClient(t.app, t.db, 'admin')).client;
    buyer = (await loggedInClient(t.app, t.db)).client;
    for (const c of [sales, finance, admin]) await c.get('/admin');
  });
  afterAll(() => t.close());

  const refundRows = async (orderId: number) => t.db.select().from(refunds).where(eq(refunds.orderId, orderId));

  async function cancelledPaidOrder(paid = '6450.00') {
    const order = await paidOrder(t.app, t.db, { sales, finance }, buyer, paid);
    await admin.get(`/admin/orders/${order.number}`);
    const res = await admin.post(`/admin/orders/${order.number}/cancel`, { reason: 'Out of stock at the factory' });
    expect(res.statusCode).toBe(303);
    return order;
  }

  it('an admin cancelling a paid order creates exactly one refund due for what was received', async () => {
    const order = await cancelledPaidOrder();
    expect(order.status).toBe('ready_to_ship');
    const rows = await refundRows(order.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ amountCents: 645_000, refundedCents: 0, settledAt: null });
    expect(rows[0]!.methodName).not.toBe('');
    // A second cancel is refused by the machine, and still one refund due.
    await admin.post(`/admin/orders/${order.number}/cancel`, { reason: 'again' });
    expect(await refundRows(order.id)).toHaveLength(1);

    const page = htmlText((await buyer.get(`/orders/${order.number}`)).body);
    expect(page).toContain('Refund due');
    expect(page).toContain('$6,450.00');
    const queue = await finance.get('/admin/refunds');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(order.number);
    const dashboard = htmlText((await finance.get('/admin')).body);
    expect(dashboard).toContain('Refunds due');
  });

  it('a buyer cancelling a partly paid order is owed the part that was approved', async () => {
    const order = await paidOrder(t.app, t.db, { sales, finance }, buyer, '1000.00');
    expect(order).toMatchObject({ status: 'awaiting_payment', paidCents: 100_000 });
    await buyer.get(`/orders/${order.number}`);
    const res = await buyer.post(`/orders/${order.number}/events/cancelByCustomer`, { reason: '' });
    expect(res.statusCode).toBe(303);
    expect((await refundRows(order.id)).map((r) => r.amountCents)).toEqual([100_000]);
    const [mail] = await t.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.subject, `Order ${order.number} cancelled`));
    expect(mail?.body, 'the buyer is told the money received is owed back').toContain(
      'We owe you the $1,000.00 you paid and will send it back',
    );
  });

  it('cancelling an unpaid order creates no refund', async () => {
    const order = await paidOrder(t.app, t.db, { sales, finance }, buyer, '0');
    await sales.get(`/admin/orders/${order.number}`);
    expect((await sales.post(`/admin/orders/${order.number}/cancel`, { reason: 'Buyer asked' })).statusCode).toBe(303);
    const [cancelled] = await t.db.select().from(orders).where(eq(orders.id, order.id));
    expect(cancelled!.status).toBe('cancelled');
    expect(await refundRows(order.id)).toEqual([]);
    expect(htmlText((await buyer.get(`/orders/${order.number}`)).body)).not.toContain('Refund due');
    const [mail] = await t.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.subject, `Order ${order.number} cancelled`));
    expect(mail?.body).not.toContain('We owe you');
  });

  it('more than is due is refused with a message and nothing is stored', async () => {
    const order = await cancelledPaidOrder();
    await finance.get(`/admin/orders/${order.number}`);
    const res = await postRefund(t.app, finance, order.number, { amount: '6450.01' });
    expect(res.statusCode).toBe(422);
    expect(htmlText(res.body)).toContain('That is more than is still owed on this order: nothing was recorded.');
    const [refund] = await refundRows(order.id);
    expect(refund!.refundedCents).toBe(0);
    expect(await t.db.select().from(refundPayments).where(eq(refundPayments.refundId, refund!.id))).toEqual([]);
  });

  it('bad input is answered beside the fields, and a refund needs its proof file', async () => {
    const order = await cancelledPaidOrder();
    await finance.get(`/admin/orders/${order.number}`);
    const bad = await postRefund(t.app, finance, order.number, { amount: 'lots', toAccount: '' }, null);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('id="rf-amount-error"');
    expect(bad.body).toContain('id="rf-toAccount-error"');
    expect(bad.body).toContain('id="rf-proof-error"');
    const notAFile = await postRefund(t.app, finance, order.number, { amount: '10.00' }, Buffer.from('not an image'));
    expect(notAFile.statusCode).toBe(422);
    expect((await refundRows(order.id))[0]!.refundedCents).toBe(0);
  });

  it('finance records a refund in parts; the buyer sees each with its numbered credit note and is mailed', async () => {
    const order = await cancelledPaidOrder();
    await finance.get(`/admin/orders/${order.number}`);
    const first = await postRefund(t.app, finance, order.number, { amount: '6000.00', reference: 'RF-PART-1' });
    expect(first.statusCode).toBe(303);
    const second = await postRefund(t.app, finance, order.number, { amount: '450.00', reference: 'RF-PART-2' });
    expect(second.statusCode).toBe(303);
    const [refund] = await refundRows(order.id);
    expect(refund).toMatchObject({ refundedCents: 645_000 });
    expect(refund!.settledAt).not.toBeNull();
    const parts = await t.db.select().from(refundPayments).where(eq(refundPayments.refundId, refund!.id));
    expect(parts).toHaveLength(2);
    const [n1, n2] = parts.map((p) => Number(p.creditNoteNumber.slice(-6)));
    expect(parts[0]!.creditNoteNumber).toMatch(/^CN-\d{4}-\d{6}$/);
    expect(n2).toBe(n1! + 1);
    // Fully refunded: nothing more can be recorded, and the queue no longer lists it.
    const more = await postRefund(t.app, finance, order.number, { amount: '0.01' });
    expect(more.statusCode).toBe(422);
    expect((await finance.get('/admin/refunds')).body).not.toContain(order.number);

    const page = htmlText((await buyer.get(`/orders/${order.number}`)).body);
    expect(page).toContain('Refunded');
    expect(page).toContain('RF-PART-1');
    expect(page).toContain(parts[1]!.creditNoteNumber);

    const pdf = await buyer.get(`/orders/${order.number}/credit-notes/${parts[0]!.id}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).text;
    expect(text).toContain('CREDIT NOTE');
    expect(text).toContain(parts[0]!.creditNoteNumber);
    expect(text).toContain('$6,000.00');
    expect(text).toContain(`${parts[0]!.creditNoteCode.slice(0, 5)}-${parts[0]!.creditNoteCode.slice(5)}`);
    const staffPdf = await finance.get(`/admin/orders/${order.number}/credit-notes/${parts[1]!.id}.pdf`);
    expect(staffPdf.statusCode).toBe(200);
    expect((await buyer.get(`/orders/${order.number}/refunds/${parts[0]!.id}/proof`)).statusCode).toBe(200);

    const mails = await t.db.select().from(outboxMessages);
    expect(
      mails.some((m) => m.subject === `Refund sent for order ${order.number}` && m.body.includes('RF-PART-2')),
    ).toBe(true);
  });

  it('a buyer who reads Spanish is mailed in Spanish and sees the refund in Spanish', async () => {
    const hispanic = await loggedInClient(t.app, t.db);
    await t.db.update(users).set({ locale: 'es' }).where(eq(users.id, hispanic.user.id));
    const order = await paidOrder(t.app, t.db, { sales, finance }, hispanic.client);
    await admin.get(`/admin/orders/${order.number}`);
    await admin.post(`/admin/orders/${order.number}/cancel`, { reason: 'Sin existencias' });
    await finance.get(`/admin/orders/${order.number}`);
    expect((await postRefund(t.app, finance, order.number, { amount: '6450.00' })).statusCode).toBe(303);
    const mails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, hispanic.email));
    expect(mails.map((m) => m.subject)).toContain(`Reembolso enviado del pedido ${order.number}`);
    const page = await hispanic.client.get(`/orders/${order.number}`, { 'accept-language': 'es' });
    expect(htmlText(page.body)).toContain('Reembolsado');
  });

  it('the credit note code verifies on /verify', async () => {
    const order = await cancelledPaidOrder();
    await finance.get(`/admin/orders/${order.number}`);
    expect((await postRefund(t.app, finance, order.number, { amount: '100.00' })).statusCode).toBe(303);
    const [part] = await t.db
      .select()
      .from(refundPayments)
      .innerJoin(refunds, eq(refunds.id, refundPayments.refundId))
      .where(eq(refunds.orderId, order.id));
    const res = await new (await import('../../../test/browser-client.js')).BrowserClient(t.app).get(
      `/verify/${part!.refund_payments.creditNoteCode}`,
    );
    expect(res.statusCode).toBe(200);
    const text = htmlText(res.body);
    expect(text).toContain(part!.refund_payments.creditNoteNumber);
    expect(text).toContain('$100.00');
  });

  it('only finance and admins record refunds; another customer gets 404 for the refund and credit note', async () => {
    const order = await cancelledPaidOrder();
    await finance.get(`/admin/orders/${order.number}`);
    expect((await postRefund(t.app, finance, order.number, { amount: '100.00' })).statusCode).toBe(303);
    const [part] = await t.db
      .select({ id: refundPayments.id })
      .from(refundPayments)
      .innerJoin(refunds, eq(refunds.id, refundPayments.refundId))
      .where(eq(refunds.orderId, order.id));
    for (const role of ['sales', 'warehouse', 'customer'] as const) {
      const c = (await loggedInClient(t.app, t.db, role)).client;
      await c.get(role === 'customer' ? '/' : '/admin');
      const res = await postRefund(t.app, c, order.number, { amount: '1.00' });
      expect(res.statusCode, role).toBe(403);
      expect((await c.get('/admin/refunds')).statusCode, role).toBe(403);
    }
    expect((await postRefund(t.app, admin, order.number, { amount: '1.00' })).statusCode).toBe(303);
    const other = (await loggedInClient(t.app, t.db)).client;
    expect((await other.get(`/orders/${order.number}/credit-notes/${part!.id}.pdf`)).statusCode).toBe(404);
    expect((await other.get(`/orders/${order.number}/refunds/${part!.id}/proof`)).statusCode).toBe(404);
    expect((await other.get(`/orders/${order.number}`)).statusCode).toBe(404);
    // A part id of another order is not found through this one.
    const another = await cancelledPaidOrder();
    expect((await buyer.get(`/orders/${another.number}/credit-notes/${part!.id}.pdf`)).statusCode).toBe(404);
    const [refund] = await refundRows(order.id);
    expect(refund!.refundedCents).toBe(10_100);
  });
});
