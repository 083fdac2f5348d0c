import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { insertPaymentMethod } from '../../../test/factories.js';
import { placeOrder, png, today, uploadProof } from '../../../test/orders.js';
import { createTestApp, secondApp, type TestApp } from '../../../test/test-app.js';
import { orders, paymentProofs } from '../../platform/db/schema.js';
import { i18n } from '../../platform/i18n/index.js';
import { findOrderByNumber } from '../orders/index.js';
import { orderLines } from '../orders/order.tables.js';
import { htmlText, pdfText } from './pdf-text.test-helper.js';
import { loadProforma } from './proforma.data.js';
import { modelStrings } from './proforma.model.js';
import { proformaInvoices } from './proforma.tables.js';

let t: TestApp;
let sales: BrowserClient;
let finance: BrowserClient;
let support: BrowserClient;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://shop.example' });
  sales = (await loggedInClient(t.app, t.db, 'sales')).client;
  finance = (await loggedInClient(t.app, t.db, 'finance')).client;
  support = (await loggedInClient(t.app, t.db, 'support')).client;
  for (const c of [sales, finance, support]) await c.get('/admin');
});
afterAll(() => t.close());

const piOf = async (number: string) => {
  const order = (await findOrderByNumber(t.db, number))!;
  return (await t.db.select().from(proformaInvoices).where(eq(proformaInvoices.orderId, order.id)))[0];
};

/** An order placed by a new customer and quoted by sales; `extraLines` adds lines before the quote. */
async function quoted(opts: { extraLines?: number; freight?: string } = {}) {
  const buyer = await loggedInClient(t.app, t.db);
  const placed = await placeOrder(buyer.client, t.db);
  if (opts.extraLines) {
    const order = (await findOrderByNumber(t.db, placed.number))!;
    const [first] = await t.db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
    await t.db.insert(orderLines).values(
      Array.from({ length: opts.extraLines }, (_, i) => ({
        ...first!,
        id: undefined,
        sku: `LINE-${String(i + 2).padStart(3, '0')}`,
        name: `Hash board model ${i + 2}`,
        quantity: 1 + (i % 5),
      })),
    );
  }
  await sales.get(`/admin/orders/${placed.number}`);
  const res = await sales.post(`/admin/orders/${placed.number}/freight`, {
    freight: opts.freight ?? '450.25',
    validDays: '7',
    note: 'Two cartons',
  });
  expect(res.statusCode).toBe(303);
  return { ...placed, buyer: buyer.client };
}

const get = (client: BrowserClient, url: string, lang = 'en') => client.get(url, { 'accept-language': lang });

describe('View PI', () => {
  it('is not there before the quote, and is linked from both order pages after it', async () => {
    const buyer = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(buyer.client, t.db);
    expect((await buyer.client.get(`/orders/${number}`)).body).not.toContain('View PI');
    expect((await buyer.client.get(`/orders/${number}/pi`)).statusCode).toBe(404);
    expect((await support.get(`/admin/orders/${number}/pi.pdf`)).statusCode).toBe(404);
    expect(await piOf(number)).toBeUndefined();

    const q = await quoted();
    expect((await q.buyer.get(`/orders/${q.number}`)).body).toContain(`href="/orders/${q.number}/pi"`);
    expect((await support.get(`/admin/orders/${q.number}`)).body).toContain(`href="/admin/orders/${q.number}/pi"`);
  });

  it('renders a printable page and a PDF with the same strings from one model', async () => {
    const q = await quoted();
    const page = await get(q.buyer, `/orders/${q.number}/pi`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(page.body).toContain('href="/assets/pi.css"');
    expect(page.body).not.toContain('class="site-header"');
    expect(page.body).toContain(`href="/orders/${q.number}/pi.pdf"`);
    expect(page.body).toContain('<svg');

    const pdf = await get(q.buyer, `/orders/${q.number}/pi.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pi = (await piOf(q.number))!;
    expect(pi.number).toMatch(/^PI-\d{4}-\d{6}$/);
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="${pi.number}.pdf"`);

    const { text } = await pdfText(pdf.rawPayload);
    const order = (await findOrderByNumber(t.db, q.number))!;
    expect(text).toContain(pi.number);
    expect(text).toContain(q.number);
    expect(text).toContain(q.product.sku);
    expect(text).toContain(q.product.name);
    expect(text).toContain('Freight: Air express, CPT Spain $450.25');
    expect(text).toContain(i18n('en').money(order.totalCents!));
    expect(text).toContain('Six thousand four hundred fifty US dollars and twenty-five cents');

    const { model } = await loadProforma(t.db, order, 'en', 'https://shop.example');
    const html = htmlText(page.body);
    for (const s of modelStrings(model)) {
      expect(html).toContain(s);
      expect(text).toContain(s);
    }
    expect(model.verify.url).toBe(`https://shop.example/verify/${pi.code}`);
  });

  it('renders in Spanish for a Spanish request', async () => {
    const q = await quoted({ freight: '0.01' });
    const page = await get(q.buyer, `/orders/${q.number}/pi`, 'es-ES,es;q=0.9');
    expect(page.body).toContain('<html lang="es">');
    expect(page.body).toContain('Factura proforma');
    const { text } = await pdfText((await get(q.buyer, `/orders/${q.number}/pi.pdf`, 'es')).rawPayload);
    expect(text).toContain('Importe en letras: Seis mil dólares estadounidenses con un centavo');
    expect(text).toContain(`Flete: ${i18n('es').t('shipping.air_express')}, CPT España`);
  });

  it('assigns the PI number once, sequentially, and only one under concurrent first views', async () => {
    const a = await quoted();
    const views = await Promise.all([
      get(a.buyer, `/orders/${a.number}/pi`),
      get(a.buyer, `/orders/${a.number}/pi.pdf`),
      get(support, `/admin/orders/${a.number}/pi`),
      get(support, `/admin/orders/${a.number}/pi.pdf`),
    ]);
    expect(views.map((v) => v.statusCode)).toEqual([200, 200, 200, 200]);
    const first = (await piOf(a.number))!;
    await get(a.buyer, `/orders/${a.number}/pi`);
    expect(await piOf(a.number)).toEqual(first);
    const order = (await findOrderByNumber(t.db, a.number))!;
    expect(await t.db.select().from(proformaInvoices).where(eq(proformaInvoices.orderId, order.id))).toHaveLength(1);

    // Views one after another take consecutive numbers (a true race on PostgreSQL may skip one).
    const b = await quoted();
    const c = await quoted();
    await get(b.buyer, `/orders/${b.number}/pi`);
    await get(c.buyer, `/orders/${c.number}/pi.pdf`);
    const [second, third] = [(await piOf(b.number))!, (await piOf(c.number))!];
    const seq = (n: string) => Number(n.split('-')[2]);
    expect(seq(second.number)).toBeGreaterThan(seq(first.number));
    expect(seq(third.number)).toBe(seq(second.number) + 1);
    expect(first.number.slice(0, 8)).toBe(`PI-${new Date().getUTCFullYear()}-`);
    expect(new Set([first.code, second.code, third.code]).size).toBe(3);
  });

  it('is for the owner and staff only', async () => {
    const q = await quoted();
    const other = await loggedInClient(t.app, t.db);
    for (const url of [`/orders/${q.number}/pi`, `/orders/${q.number}/pi.pdf`]) {
      expect((await other.client.get(url)).statusCode).toBe(404);
    }
    expect((await other.client.get(`/admin/orders/${q.number}/pi`)).statusCode).toBe(403);
    const anonymous = await new BrowserClient(t.app).get(`/orders/${q.number}/pi.pdf`);
    expect([302, 303, 401]).toContain(anonymous.statusCode);
    expect(await piOf(q.number)).toBeUndefined();
    expect((await support.get(`/admin/orders/${q.number}/pi`)).statusCode).toBe(200);
    expect((await finance.get(`/admin/orders/${q.number}/pi.pdf`)).statusCode).toBe(200);
  });

  it('renders a 100-line order on several PDF pages', async () => {
    const q = await quoted({ extraLines: 99 });
    const page = await get(q.buyer, `/orders/${q.number}/pi`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('LINE-100');
    const { pages, text } = await pdfText((await get(q.buyer, `/orders/${q.number}/pi.pdf`)).rawPayload);
    expect(pages.length).toBeGreaterThan(2);
    expect(text).toContain('LINE-002');
    expect(text).toContain('LINE-100');
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
  });

  it('marks a paid order, and keeps an issued PI readable after cancellation (but issues none then)', async () => {
    const q = await quoted();
    await q.buyer.get(`/orders/${q.number}`);
    const order = (await findOrderByNumber(t.db, q.number))!;
    const up = await uploadProof(
      t.app,
      q.buyer,
      q.number,
      { amount: (order.totalCents! / 100).toFixed(2), reference: 'SWIFT-1', paidOn: today() },
      { name: 'a.png', type: 'image/png', data: png(7) },
    );
    expect(up.statusCode).toBe(303);
    const [proof] = await t.db.select().from(paymentProofs).where(eq(paymentProofs.orderId, order.id));
    await finance.get(`/admin/orders/${q.number}`);
    expect((await finance.post(`/admin/orders/${q.number}/proofs/${proof!.id}/approve`)).statusCode).toBe(303);
    const paid = htmlText((await get(q.buyer, `/orders/${q.number}/pi`)).body);
    expect(paid).toContain('Paid');
    expect(paid).toContain('Balance due $0.00');

    const never = await quoted();
    await never.buyer.post(`/orders/${never.number}/events/cancelByCustomer`, { reason: 'x' });
    expect((await never.buyer.get(`/orders/${never.number}`)).body).not.toContain('View PI');
    expect((await never.buyer.get(`/orders/${never.number}/pi`)).statusCode).toBe(404);
    expect(await piOf(never.number)).toBeUndefined();

    const issued = await quoted();
    await get(issued.buyer, `/orders/${issued.number}/pi`);
    await issued.buyer.post(`/orders/${issued.number}/events/cancelByCustomer`, { reason: 'x' });
    expect((await issued.buyer.get(`/orders/${issued.number}`)).body).toContain('View PI');
    const cancelled = await get(issued.buyer, `/orders/${issued.number}/pi`);
    expect(cancelled.statusCode).toBe(200);
    expect(htmlText(cancelled.body)).toContain('Cancelled: do not pay');
    const verify = await new BrowserClient(t.app).get(`/verify/${(await piOf(issued.number))!.code}`);
    expect(htmlText(verify.body)).toContain('This order was cancelled. Do not pay this PI.');
  });
});

describe('public verification', () => {
  it('confirms a genuine code with the PI snapshot, masked buyer and current payment details only', async () => {
    await insertPaymentMethod(t.db, { name: 'USDT (TRC20)', accountDetails: 'TXyzGenuineWallet123' });
    const q = await quoted();
    await get(q.buyer, `/orders/${q.number}/pi`);
    const pi = (await piOf(q.number))!;
    const visitor = new BrowserClient(t.app);
    const res = await visitor.get(`/verify/${pi.code}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-robots-tag']).toBe('noindex');
    const text = htmlText(res.body);
    expect(text).toContain('Genuine: this proforma invoice was issued by');
    expect(text).toContain(pi.number);
    expect(text).toContain(i18n('en').money(pi.totalCents));
    expect(text).toContain('A*** C***');
    expect(text).toContain('TXyzGenuineWallet123');
    expect(text).toContain('IBAN XX00 1234');
    for (const personal of ['Castillo', 'Calle Mayor', '+34 600', '@example.test', q.number])
      expect(text).not.toContain(personal);

    // Typed by hand from paper: lower case with the printed dash.
    const typed = await visitor.get(
      `/verify?code=${pi.code.slice(0, 5).toLowerCase()}-${pi.code.slice(5).toLowerCase()}`,
    );
    expect(typed.statusCode).toBe(303);
    expect(typed.headers.location).toBe(`/verify/${pi.code}`);
  });

  it('says plainly that an unknown or altered code is not ours, and not to pay', async () => {
    const q = await quoted();
    await get(q.buyer, `/orders/${q.number}/pi`);
    const { code } = (await piOf(q.number))!;
    const last = code.at(-1) === 'Z' ? 'Y' : 'Z';
    const visitor = new BrowserClient(t.app);
    for (const bad of [`${code.slice(0, 9)}${last}`, 'ZZZZZZZZZZ', 'not-a-code', '%3Cscript%3E']) {
      const res = await visitor.get(`/verify/${bad}`);
      expect(res.statusCode).toBe(404);
      const text = htmlText(res.body);
      expect(text).toContain('Do not pay: this document did not come from');
      expect(res.body).not.toContain('<script>');
    }
    const form = await visitor.get('/verify?code=12');
    expect(form.statusCode).toBe(422);
    expect(form.body).toContain('Enter the 10-character code');
    expect((await visitor.get('/verify')).body).toContain('Verification code');
  });

  it('warns when the order total no longer matches the PI snapshot', async () => {
    const q = await quoted();
    await get(q.buyer, `/orders/${q.number}/pi`);
    const pi = (await piOf(q.number))!;
    await t.db
      .update(orders)
      .set({ totalCents: pi.totalCents + 100 })
      .where(eq(orders.number, q.number));
    const text = htmlText((await new BrowserClient(t.app).get(`/verify/${pi.code}`)).body);
    expect(text).toContain('The order total has changed since this PI was issued');
    expect(text).toContain(i18n('en').money(pi.totalCents));
  });

  it('is rate-limited per IP', async () => {
    const one = new BrowserClient(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await one.get('/verify/ZZZZZZZZZZ')).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 404)).toBe(true);
    expect(codes[30]).toBe(429);
    expect((await new BrowserClient(t.app).get('/verify/ZZZZZZZZZZ')).statusCode).toBe(404);
  });

  it('counts only codes that match nothing: a buyer checking a genuine PI again and again is never limited', async () => {
    const q = await quoted();
    await get(q.buyer, `/orders/${q.number}/pi`);
    const pi = (await piOf(q.number))!;
    const banker = new BrowserClient(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 40; i++) codes.push((await banker.get(`/verify/${pi.code}`)).statusCode);
    expect(codes).toEqual(Array(40).fill(200));
  });

  it('counts failed look-ups from one address however many processes answer (kept in the database)', async () => {
    const second = await secondApp(t);
    try {
      const ip = '192.0.2.77';
      const codes: number[] = [];
      for (let i = 0; i < 31; i++)
        codes.push((await new BrowserClient(i % 2 ? second : t.app, ip).get('/verify/YYYYYYYYYY')).statusCode);
      expect(codes.slice(0, 30)).toEqual(Array(30).fill(404));
      expect(codes[30]).toBe(429);
    } finally {
      await second.close();
    }
  });
});
