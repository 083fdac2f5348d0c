import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient, registerThroughForm } from '../../../test/browser-client.js';
import { placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { completedOrder, submitCaseForm } from '../../modules/after-sales/after-sales.test-helpers.js';
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
