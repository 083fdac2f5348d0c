import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient, registerThroughForm } from '../../../test/browser-client.js';
import { placeOrder, png, today, uploadProof } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { setUserLocale } from '../../modules/accounts/index.js';
import { completedOrder, postMultipart, submitCaseForm } from '../../modules/after-sales/after-sales.test-helpers.js';
import type { Role } from '../auth/roles.js';
import { outboxMessages, users } from '../db/schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const mailTo = async (email: string) =>
  (await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, email))).map((m) => m.subject);
const localeOf = async (email: string) =>
  (await t.db.select({ locale: users.locale }).from(users).where(eq(users.email, email)))[0]?.locale;

describe("e-mail in the customer's language", () => {
  it('remembers the language a buyer registers in, and writes their order mail in it', async () => {
    const buyer = new BrowserClient(t.app);
    const email = `comprador-${Date.now()}@example.test`;
    const headers = { 'accept-language': 'es-ES,es;q=0.9' };
    await registerThroughForm(t, buyer, { fullName: 'Lucía Pérez', email, password: 'una frase larga' }, headers);
    expect(await mailTo(email)).toContain('Termine su registro en Hashcart');
    expect(await localeOf(email)).toBe('es');

    const { number } = await placeOrder(buyer, t.db);
    const { client: sales } = await loggedInClient(t.app, t.db, 'sales');
    await sales.get(`/admin/orders/${number}`);
    expect(
      (await sales.post(`/admin/orders/${number}/freight`, { freight: '100.00', validDays: '7', note: '' })).statusCode,
    ).toBe(303);
    expect(await mailTo(email)).toContain(`Pedido ${number}: flete cotizado, listo para pagar`);
  });

  it('follows a logged-in switch of language, for after-sales mail too', async () => {
    const o = await completedOrder(t, { kind: 'miner', quantity: 1 });
    const [row] = await t.db.select().from(users).where(eq(users.id, o.order.customerId));
    expect(row?.locale).toBe('en');
    await o.buyer.get('/');
    expect((await o.buyer.post('/locale', { locale: 'es', back: '/' })).statusCode).toBe(303);
    expect(await localeOf(row!.email)).toBe('es');
    const res = await submitCaseForm(t, o);
    const caseNumber = String(res.headers.location).replace('/after-sales/', '');
    expect(await mailTo(row!.email)).toContain(`Caso de posventa ${caseNumber}: Enviado`);
  });
});

describe("staff mail in each staff member's language", () => {
  /** One English and one Spanish holder of the role. */
  const staffPair = async (role: Role) => {
    const en = await loggedInClient(t.app, t.db, role);
    const es = await loggedInClient(t.app, t.db, role);
    await setUserLocale(t.db, es.user.id, 'es');
    return { en: en.email, es: es.email, client: en.client };
  };
  const mailsTo = async (email: string) => t.db.select().from(outboxMessages).where(eq(outboxMessages.to, email));

  it('writes new-order, payment-proof and customer-message mail in each reader language', async () => {
    const sales = await staffPair('sales');
    const finance = await staffPair('finance');
    const support = await staffPair('support');
    const { client: buyer } = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(buyer, t.db, { form: { fullName: 'Ana Ruiz' } });

    const [newEn] = (await mailsTo(sales.en)).filter((m) => m.subject.includes(number));
    const [newEs] = (await mailsTo(sales.es)).filter((m) => m.subject.includes(number));
    expect(newEn).toMatchObject({
      subject: `New order ${number}: freight to quote`,
      body: `Order ${number} from Ana Ruiz (ES) is waiting for a freight quote.`,
    });
    expect(newEs).toMatchObject({
      subject: `Nuevo pedido ${number}: flete por cotizar`,
      body: `El pedido ${number} de Ana Ruiz (ES) espera la cotización del flete.`,
    });

    // Buyer data is bound into the statement, never read as a placeholder of the message.
    const odd = await placeOrder(buyer, t.db, { form: { fullName: '{number} Ltd' } });
    const [oddEs] = (await mailsTo(sales.es)).filter((m) => m.subject.includes(odd.number));
    expect(oddEs?.body).toBe(`El pedido ${odd.number} de {number} Ltd (ES) espera la cotización del flete.`);

    await sales.client.get(`/admin/orders/${number}`);
    await sales.client.post(`/admin/orders/${number}/freight`, { freight: '100.00', validDays: '7', note: '' });
    await buyer.get(`/orders/${number}`);
    const up = await uploadProof(
      t.app,
      buyer,
      number,
      { amount: '1234.5', reference: 'SWIFT-9', paidOn: today() },
      { name: 'slip.png', type: 'image/png', data: png(7) },
    );
    expect(up.statusCode).toBe(303);
    const proof = async (email: string) => (await mailsTo(email)).find((m) => m.subject.includes(number));
    expect(await proof(finance.en)).toMatchObject({
      subject: `Payment proof on ${number}`,
      body: `A payment proof of $1,234.50 (ref. SWIFT-9) was uploaded on ${number}.`,
    });
    expect(await proof(finance.es)).toMatchObject({
      subject: `Comprobante de pago en ${number}`,
      body: `Se subió un comprobante de pago de 1234,50\u00a0US$ (ref. SWIFT-9) en ${number}.`,
    });

    expect((await buyer.post(`/orders/${number}/messages`, { body: '¿Cuándo sale?' })).statusCode).toBe(303);
    const message = async (email: string) => (await mailsTo(email)).find((m) => m.body === '¿Cuándo sale?');
    expect((await message(support.en))?.subject).toBe(`Customer message on ${number}`);
    expect((await message(support.es))?.subject).toBe(`Mensaje del cliente en ${number}`);
    expect((await message(sales.es))?.subject).toBe(`Mensaje del cliente en ${number}`);
  });

  it('writes new-case and case-message mail to support in each reader language', async () => {
    const support = await staffPair('support');
    const o = await completedOrder(t, { kind: 'miner', quantity: 1 });
    const res = await submitCaseForm(t, o);
    const caseNumber = String(res.headers.location).replace('/after-sales/', '');
    const about = async (email: string) =>
      (await mailsTo(email)).filter((m) => m.subject.includes(caseNumber)).map((m) => m.subject);
    expect(await about(support.en)).toEqual([`New after-sales case ${caseNumber} (Defective product)`]);
    expect(await about(support.es)).toEqual([`Nuevo caso de posventa ${caseNumber} (Producto defectuoso)`]);

    await o.buyer.get(`/after-sales/${caseNumber}`);
    const sent = await postMultipart(t, o.buyer, `/after-sales/${caseNumber}/messages`, { body: 'Sigue sin hashear.' });
    expect(sent.statusCode).toBe(303);
    expect(await about(support.en)).toContain(`Customer message on case ${caseNumber}`);
    expect(await about(support.es)).toContain(`Mensaje del cliente en el caso ${caseNumber}`);
  });
});
