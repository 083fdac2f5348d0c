import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { outboxMessages } from '../../platform/db/schema.js';
import { alertOverdueCases } from './actions/alert-overdue-cases.js';
import { completedOrder, submitCaseForm } from './after-sales.test-helpers.js';
import { afterSalesCases } from './case.tables.js';

const DAY = 86_400_000;
let t: TestApp;
let support: BrowserClient;
let supportEmail: string;
beforeAll(async () => {
  t = await createTestApp();
  const agent = await loggedInClient(t.app, t.db, 'support');
  support = agent.client;
  supportEmail = agent.email;
});
afterAll(() => t.close());

const alertsFor = async (number: string) =>
  (await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, supportEmail))).filter(
    (m) => m.subject === `Overdue after-sales case ${number}`,
  ).length;

describe('overdue after-sales cases', () => {
  it('alert support once per broken promise, even with two sweeps at once, and again after a new promise breaks', async () => {
    const o = await completedOrder(t, { kind: 'general', quantity: 1 });
    const res = await submitCaseForm(t, o, { type: 'missing_item' }, []);
    const number = String(res.headers.location).replace('/after-sales/', '');
    const [c] = await t.db.select().from(afterSalesCases).where(eq(afterSalesCases.number, number));

    expect(await alertOverdueCases(t.db, new Date(c!.dueAt!.getTime() - 60_000))).not.toContain(number);
    const late = new Date(c!.dueAt!.getTime() + 60_000);
    const sweeps = await Promise.all([alertOverdueCases(t.db, late), alertOverdueCases(t.db, late)]);
    expect(sweeps.flat().filter((n) => n === number)).toHaveLength(1);
    expect(await alertsFor(number)).toBe(1);
    expect(await alertOverdueCases(t.db, new Date(late.getTime() + DAY))).not.toContain(number);

    // Support decides a reissue: a new promise (ship within 2 days), which breaks in turn.
    await support.get(`/admin/after-sales/${number}`);
    expect((await support.post(`/admin/after-sales/${number}/decide/reissue`, { note: '' })).statusCode).toBe(303);
    const [decided] = await t.db.select().from(afterSalesCases).where(eq(afterSalesCases.number, number));
    expect(decided!.overdueAlertedAt).toBeNull();
    expect(await alertOverdueCases(t.db, new Date(decided!.dueAt!.getTime() + 60_000))).toContain(number);
    expect(await alertsFor(number)).toBe(2);
  });
});
