import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { outboxMessages, repairCenters } from '../../platform/db/schema.js';
import { approvedCenter, completedOrder, photo, postMultipart, submitCaseForm } from './after-sales.test-helpers.js';
import { afterSalesCases, caseEvents, caseFiles } from './case.tables.js';

let t: TestApp;
let support: BrowserClient;
let owner: { client: BrowserClient; id: number; email: string };
let other: BrowserClient;
let center: typeof repairCenters.$inferSelect;
beforeAll(async () => {
  t = await createTestApp();
  support = (await loggedInClient(t.app, t.db, 'support')).client;
  const o = await loggedInClient(t.app, t.db);
  owner = { client: o.client, id: o.user.id, email: o.email };
  center = await approvedCenter(t, { ownerId: o.user.id, name: 'Valencia Hash Lab' });
  const x = await loggedInClient(t.app, t.db);
  other = x.client;
  await approvedCenter(t, { ownerId: x.user.id, name: 'Other Lab' });
  for (const c of [support, owner.client, other]) await c.get('/');
});
afterAll(() => t.close());

const row = async (number: string) =>
  (await t.db.select().from(afterSalesCases).where(eq(afterSalesCases.number, number)))[0]!;
const portal = (number: string) => `/repair-centers/cases/${number}`;

/** A defective miner claim, routed by support to `centerId` (the owner's center unless told). */
async function routedCase(centerId = center.id) {
  const o = await completedOrder(t, { kind: 'miner', quantity: 1 });
  const res = await submitCaseForm(t, o);
  const number = String(res.headers.location).replace('/after-sales/', '');
  await support.get(`/admin/after-sales/${number}`);
  const decided = await support.post(`/admin/after-sales/${number}/decide/repair`, {
    repairCenterId: String(centerId),
    note: 'Original box, please.',
  });
  expect(decided.statusCode).toBe(303);
  await owner.client.get(portal(number));
  return { ...o, caseNumber: number };
}

describe('repair portal: what the owner sees', () => {
  it('lists the routed case and shows unit, serial, fault, the buyer photo and only the return contact', async () => {
    const c = await routedCase();
    const list = await owner.client.get('/repair-centers/cases');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(c.caseNumber);
    expect(list.body).toContain(c.serials[0]!);
    const page = await owner.client.get(portal(c.caseNumber));
    expect(page.statusCode).toBe(200);
    for (const shown of [
      c.serials[0]!,
      'Hash board 2 shows no chips',
      'Ana Castillo',
      '+34 600 123 456',
      'Calle Mayor 1',
    ])
      expect(page.body).toContain(shown);
    expect(page.body).toContain('Unit received at repair center');
    // Never the buyer's e-mail, nor anything of the order's money.
    expect(page.body).not.toContain(c.order.email);
    expect(list.body).not.toContain(c.order.email);
    expect(page.body).not.toContain(c.order.number);
    const [evidence] = await t.db
      .select()
      .from(caseFiles)
      .where(eq(caseFiles.caseId, (await row(c.caseNumber)).id));
    const file = await owner.client.get(`${portal(c.caseNumber)}/files/${evidence!.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/webp');
    // The owner's Repair Center page links the portal.
    expect((await owner.client.get('/repair-centers')).body).toContain('href="/repair-centers/cases"');
    // The owner was told the case is theirs to work.
    const mails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, owner.email));
    expect(mails.some((m) => m.body.includes(`/repair-centers/cases/${c.caseNumber}`))).toBe(true);
  });

  it("does not serve the buyer's thread with support", async () => {
    const c = await routedCase();
    await c.buyer.get(`/after-sales/${c.caseNumber}`);
    const sent = await postMultipart(
      t,
      c.buyer,
      `/after-sales/${c.caseNumber}/messages`,
      { body: 'My address is private' },
      [await photo(40)],
    );
    expect(sent.statusCode).toBe(303);
    const files = await t.db
      .select()
      .from(caseFiles)
      .where(eq(caseFiles.caseId, (await row(c.caseNumber)).id));
    const threadFile = files.find((f) => f.messageId !== null)!;
    expect((await owner.client.get(`${portal(c.caseNumber)}/files/${threadFile.id}`)).statusCode).toBe(404);
    expect((await owner.client.get(portal(c.caseNumber))).body).not.toContain('My address is private');
  });
});

describe('repair portal: access rules', () => {
  it('answers 404 to the owner of another center, on every route, and leaves the case alone', async () => {
    const c = await routedCase();
    expect((await other.get('/repair-centers/cases')).body).not.toContain(c.caseNumber);
    for (const url of [portal(c.caseNumber), `${portal(c.caseNumber)}/files/1`, `${portal(c.caseNumber)}/live`])
      expect((await other.get(url)).statusCode, url).toBe(404);
    expect((await other.post(`${portal(c.caseNumber)}/events/receiveUnit`)).statusCode).toBe(404);
    expect((await c.buyer.get(portal(c.caseNumber))).statusCode).toBe(404);
    expect((await row(c.caseNumber)).status).toBe('awaiting_unit');
  });

  it('answers 404 once support withdraws the center', async () => {
    const o = await loggedInClient(t.app, t.db);
    const mine = await approvedCenter(t, { ownerId: o.user.id, name: 'Soon Withdrawn' });
    const c = await routedCase(mine.id);
    await o.client.get(portal(c.caseNumber));
    expect((await o.client.get(portal(c.caseNumber))).statusCode).toBe(200);
    await support.get(`/admin/repair-centers/${mine.id}`);
    expect((await support.post(`/admin/repair-centers/${mine.id}/withdraw`, { withdrawReason: '' })).statusCode).toBe(
      422,
    );
    const res = await support.post(`/admin/repair-centers/${mine.id}/withdraw`, { withdrawReason: 'No answer' });
    expect(res.statusCode).toBe(303);
    expect((await o.client.get(portal(c.caseNumber))).statusCode).toBe(404);
    expect((await o.client.post(`${portal(c.caseNumber)}/events/receiveUnit`)).statusCode).toBe(404);
    expect((await o.client.get('/repair-centers/cases')).body).not.toContain(c.caseNumber);
    expect((await o.client.get(`/repair-centers/${mine.id}`)).body).toContain('No answer');
    expect((await t.app.inject({ url: `/asic-miner-repair/${mine.id}` })).statusCode).toBe(404);
  });

  it('answers 404 for a center that was never approved (rejected)', async () => {
    const c = await routedCase();
    const [rejected] = await t.db
      .insert(repairCenters)
      .values({
        ownerId: owner.id,
        status: 'rejected',
        name: 'Rejected Lab',
        country: 'ES',
        city: 'Bilbao',
        address: 'x',
        phone: '+34 600 000 001',
        email: 'r@example.es',
      })
      .returning();
    await t.db
      .update(afterSalesCases)
      .set({ repairCenterId: rejected!.id })
      .where(eq(afterSalesCases.number, c.caseNumber));
    expect((await owner.client.get(portal(c.caseNumber))).statusCode).toBe(404);
  });

  it('answers 404 once support takes the case back; the case is undecided again and the owner told', async () => {
    const c = await routedCase();
    expect((await owner.client.post(`${portal(c.caseNumber)}/events/receiveUnit`)).statusCode).toBe(303);
    const back = await support.post(`/admin/after-sales/${c.caseNumber}/events/takeBackCase`, { note: 'Too slow' });
    expect(back.statusCode).toBe(303);
    const r = await row(c.caseNumber);
    expect(r).toMatchObject({ status: 'under_review', repairCenterId: null, resolution: null, repairDueAt: null });
    expect(r.dueAt!.getTime()).toBeGreaterThan(Date.now());
    expect((await owner.client.get(portal(c.caseNumber))).statusCode).toBe(404);
    expect((await owner.client.get('/repair-centers/cases')).body).not.toContain(c.caseNumber);
    const mails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, owner.email));
    expect(mails.some((m) => m.body.includes(c.caseNumber) && m.body.includes('Too slow'))).toBe(true);
    // The buyer sees it on the timeline.
    expect((await c.buyer.get(`/after-sales/${c.caseNumber}`)).body).toContain(
      'Take the case back from the repair center',
    );
  });

  it('lets a customer fire none of the center steps from the staff routes', async () => {
    const c = await routedCase();
    expect((await owner.client.post(`/admin/after-sales/${c.caseNumber}/events/receiveUnit`)).statusCode).toBe(403);
    expect((await owner.client.post(`${portal(c.caseNumber)}/events/takeBackCase`)).statusCode).toBe(404);
  });
});

describe('repair portal: working a case', () => {
  it('received → diagnosis with a photo → repaired, each on the timeline the buyer and support see', async () => {
    const c = await routedCase();
    const base = portal(c.caseNumber);
    expect((await owner.client.post(`${base}/events/receiveUnit`, { note: 'Arrived, seal intact' })).statusCode).toBe(
      303,
    );
    let r = await row(c.caseNumber);
    expect(r.status).toBe('at_repair_center');
    expect(r.diagnosisDueAt!.getTime() - r.unitReceivedAt!.getTime()).toBe(3 * 86_400_000);
    expect(r.repairDueAt!.getTime() - r.unitReceivedAt!.getTime()).toBe(10 * 86_400_000);
    expect(r.dueAt).toEqual(r.repairDueAt);
    const page = await owner.client.get(base);
    expect(page.body).toContain('Diagnosis due');
    expect(page.body).toContain('Repair due');

    // Diagnosis: words required; files under the one upload policy.
    expect((await postMultipart(t, owner.client, `${base}/diagnosis`, { note: '' })).statusCode).toBe(422);
    const bad = await postMultipart(t, owner.client, `${base}/diagnosis`, { note: 'Chip 12 dead' }, [
      { field: 'media', name: 'x.jpg', type: 'image/jpeg', data: Buffer.from('not an image at all') },
    ]);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Chip 12 dead');
    const diag = await postMultipart(t, owner.client, `${base}/diagnosis`, { note: 'Chip 12 dead on board 2' }, [
      await photo(200),
    ]);
    expect(diag.statusCode).toBe(303);
    r = await row(c.caseNumber);
    expect(r.status).toBe('at_repair_center');
    expect(r.diagnosedAt).not.toBeNull();
    const files = await t.db.select().from(caseFiles).where(eq(caseFiles.caseId, r.id));
    const shot = files.find((f) => f.eventId !== null)!;
    expect(files.filter((f) => f.eventId !== null)).toHaveLength(1);
    // The buyer sees the diagnosis and its photo; support too.
    const buyerPage = await c.buyer.get(`/after-sales/${c.caseNumber}`);
    expect(buyerPage.body).toContain('Chip 12 dead on board 2');
    expect(buyerPage.body).toContain(`/after-sales/${c.caseNumber}/files/${shot.id}`);
    expect((await c.buyer.get(`/after-sales/${c.caseNumber}/files/${shot.id}`)).statusCode).toBe(200);
    expect((await support.get(`/admin/after-sales/${c.caseNumber}`)).body).toContain('Chip 12 dead on board 2');

    expect((await owner.client.post(`${base}/events/markRepaired`, { note: 'Board 2 reballed' })).statusCode).toBe(303);
    r = await row(c.caseNumber);
    expect(r.status).toBe('resolved');
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, r.id));
    expect(events.map((e) => [e.event, e.actorRole])).toEqual([
      ['submitCase', 'customer'],
      ['decideRepair', 'support'],
      ['receiveUnit', 'repair_center'],
      ['diagnoseUnit', 'repair_center'],
      ['markRepaired', 'repair_center'],
    ]);
    const after = await c.buyer.get(`/after-sales/${c.caseNumber}`);
    expect(after.body).toContain('Board 2 reballed');
    // A finished case stays readable, with nothing left to do.
    const done = await owner.client.get(base);
    expect(done.statusCode).toBe(200);
    expect(done.body).not.toContain(`${base}/events/`);
  });

  it('unrepairable sends the case to reissue', async () => {
    const c = await routedCase();
    const base = portal(c.caseNumber);
    await owner.client.post(`${base}/events/receiveUnit`);
    await owner.client.get(base);
    expect((await owner.client.post(`${base}/events/markUnrepairable`, { note: 'Board cracked' })).statusCode).toBe(
      303,
    );
    const r = await row(c.caseNumber);
    expect(r).toMatchObject({ status: 'awaiting_reissue', resolution: 'reissue' });
    expect(r.dueAt).toEqual(r.reissueDueAt);
  });

  it('refuses a step out of order with a conflict, and an unknown step with 404', async () => {
    const c = await routedCase();
    const base = portal(c.caseNumber);
    expect((await owner.client.post(`${base}/events/markRepaired`)).statusCode).toBe(409);
    expect((await owner.client.post(`${base}/events/closeCase`)).statusCode).toBe(404);
    expect((await row(c.caseNumber)).status).toBe('awaiting_unit');
  });

  it('when the owner and support both mark the unit received at once, one wins and one event is written', async () => {
    const c = await routedCase();
    await support.get(`/admin/after-sales/${c.caseNumber}`);
    const results = await Promise.all([
      owner.client.post(`${portal(c.caseNumber)}/events/receiveUnit`),
      support.post(`/admin/after-sales/${c.caseNumber}/events/receiveUnit`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([303, 409]);
    const r = await row(c.caseNumber);
    const received = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, r.id));
    expect(received.filter((e) => e.event === 'receiveUnit')).toHaveLength(1);
  });
});
