import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { exe, hugePng } from '../../../test/media.js';
import { newToken } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { outboxMessages } from '../../platform/db/schema.js';
import { completedOrder, photo, postMultipart, submitCaseForm, video } from './after-sales.test-helpers.js';
import { afterSalesCases, caseFiles, caseLines } from './case.tables.js';

let t: TestApp;
let support: BrowserClient;
let supportEmail: string;
beforeAll(async () => {
  t = await createTestApp();
  ({ client: support, email: supportEmail } = await loggedInClient(t.app, t.db, 'support'));
});
afterAll(() => t.close());

const caseRow = async (number: string) =>
  (await t.db.select().from(afterSalesCases).where(eq(afterSalesCases.number, number)))[0]!;
const storedCaseFiles = () => {
  try {
    return readdirSync(join(t.storageDir, 'after-sales')).length;
  } catch {
    return 0;
  }
};

describe('opening a case', () => {
  it('offers "Request after-sales service" on a completed order and opens a defective-miner case as a repair', async () => {
    const o = await completedOrder(t, { kind: 'miner', quantity: 2 });
    const page = await o.buyer.get(`/orders/${o.number}`);
    expect(page.body).toContain('Request after-sales service');
    const form = await o.buyer.get(`/orders/${o.number}/after-sales/new`);
    for (const label of [
      'Type',
      'Serial number',
      'Description',
      'Photos and videos',
      'Submit case',
      'Wrong item',
      'Missing item',
      'Damaged in transit',
      'Defective product',
    ]) {
      expect(form.body).toContain(label);
    }
    const before = Date.now();
    const res = await submitCaseForm(t, o, {}, [await photo(), video()]);
    expect(res.statusCode).toBe(303);
    const number = String(res.headers.location).replace('/after-sales/', '');
    expect(number).toMatch(/^AS-\d{4}-\d{6}$/);
    const c = await caseRow(number);
    expect(c).toMatchObject({ status: 'submitted', type: 'defective', standardResolution: 'repair' });
    expect(c.decisionDueAt.getTime() - before).toBeGreaterThan(2 * 86_400_000 - 60_000);
    expect(c.dueAt).toEqual(c.decisionDueAt);
    const lines = await t.db.select().from(caseLines).where(eq(caseLines.caseId, c.id));
    expect(lines.map((l) => [l.serialNumber, l.quantity])).toEqual(o.serials.map((s) => [s, 1]));
    const files = await t.db.select().from(caseFiles).where(eq(caseFiles.caseId, c.id));
    expect(files.map((f) => [f.kind, f.mimeType, f.previewKey !== null])).toEqual([
      ['photo', 'image/jpeg', true],
      ['video', 'video/mp4', false],
    ]);
    const mail = await t.db.select().from(outboxMessages);
    expect(mail.some((m) => m.subject.includes(number) && m.to !== supportEmail)).toBe(true);
    expect(mail.some((m) => m.to === supportEmail && m.subject.startsWith(`New after-sales case ${number}`))).toBe(
      true,
    );

    const casePage = await o.buyer.get(`/after-sales/${number}`);
    expect(casePage.statusCode).toBe(200);
    expect(casePage.body).toContain('Submitted');
    expect(casePage.body).toMatch(/due in 2 d/);
    expect((await o.buyer.get('/after-sales')).body).toContain(number);
    expect((await o.buyer.get(`/orders/${o.number}`)).body).toContain(`/after-sales/${number}`);
    const photoRes = await o.buyer.get(`/after-sales/${number}/files/${files[0]!.id}`);
    expect(photoRes.headers['content-type']).toBe('image/webp');
    const videoRes = await o.buyer.get(`/after-sales/${number}/files/${files[1]!.id}`);
    expect(videoRes.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('gives general goods a 1-day decision and a reissue as standard', async () => {
    const o = await completedOrder(t, { kind: 'general', quantity: 3 });
    const res = await submitCaseForm(t, o, { type: 'damaged_in_transit', [`qty_${o.line.id}`]: '1' });
    expect(res.statusCode).toBe(303);
    const c = await caseRow(String(res.headers.location).replace('/after-sales/', ''));
    expect(c.standardResolution).toBe('reissue');
    expect(Math.round((c.decisionDueAt.getTime() - c.createdAt.getTime()) / 3_600_000)).toBe(24);
  });

  it('opens one case when the same form is submitted twice', async () => {
    const o = await completedOrder(t, { kind: 'general' });
    const token = newToken();
    const first = await submitCaseForm(t, o, { token, type: 'missing_item' }, []);
    const second = await submitCaseForm(t, o, { token, type: 'missing_item' }, []);
    expect(second.headers.location).toBe(first.headers.location);
    expect(await t.db.select().from(afterSalesCases).where(eq(afterSalesCases.orderId, o.order.id))).toHaveLength(1);
  });
});

describe('bad input: refused on the form with the typed values kept, nothing stored', () => {
  const refused = async (res: { statusCode: number; body: string }, message: string) => {
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(message);
    expect(res.body).toContain('Hash board 2 shows no chips after a week.');
  };

  it('refuses an order that is not completed', async () => {
    const o = await completedOrder(t, { status: 'shipped' });
    expect((await o.buyer.get(`/orders/${o.number}`)).body).not.toContain('Request after-sales service');
    await refused(await submitCaseForm(t, o), 'After-sales service opens once delivery of the order is confirmed');
  });

  it('refuses a product outside its warranty, and hides the button', async () => {
    const o = await completedOrder(t, { warrantyDays: 30, deliveredDaysAgo: 31 });
    expect((await o.buyer.get(`/orders/${o.number}`)).body).not.toContain('Request after-sales service');
    await refused(await submitCaseForm(t, o), 'warranty has ended');
  });

  it('refuses a serial number not shipped on that order, keeping it in the field', async () => {
    const o = await completedOrder(t, { quantity: 1 });
    const res = await submitCaseForm(t, o, { [`serial_${o.line.id}`]: 'NOT-OURS-1' });
    await refused(res, 'This serial number was not shipped on this line of the order');
    expect(res.body).toContain('value="NOT-OURS-1"');
  });

  it('refuses a damage claim without photos or videos, and a file that is not one', async () => {
    const o = await completedOrder(t, { kind: 'general' });
    const before = storedCaseFiles();
    await refused(
      await submitCaseForm(t, o, { type: 'damaged_in_transit' }, []),
      'Add photos or videos that show the damage or defect',
    );
    const bad = await submitCaseForm(t, o, {}, [
      await photo(),
      { field: 'media', name: 'clip.mp4', type: 'video/mp4', data: exe() },
    ]);
    await refused(bad, 'Upload photos (JPEG, PNG, WebP) or videos (MP4, MOV, WebM) only');
    const bomb = await submitCaseForm(t, o, {}, [
      { field: 'media', name: 'box.png', type: 'image/png', data: hugePng() },
    ]);
    await refused(bomb, 'at most 40 megapixels');
    // Both refused: the photo that was stored before the bad file is gone again.
    expect(storedCaseFiles()).toBe(before);
  });

  it('refuses more than the line quantity, no line chosen, and a missing type', async () => {
    const o = await completedOrder(t, { kind: 'general', quantity: 2 });
    await refused(
      await submitCaseForm(t, o, { [`qty_${o.line.id}`]: '3' }),
      'This is more than the quantity on this line',
    );
    await refused(
      await submitCaseForm(t, o, { [`qty_${o.line.id}`]: '0' }),
      'Enter the quantity affected on at least one line',
    );
    await refused(await submitCaseForm(t, o, { type: '' }), 'Choose the type of problem');
    await refused(
      await submitCaseForm(
        t,
        o,
        {
          type: 'defective',
          [`qty_${o.line.id}`]: '1',
          description: 'Hash board 2 shows no chips after a week.',
          status: 'resolved',
        },
        [],
      ),
      'Add photos or videos',
    );
    expect(await t.db.select().from(afterSalesCases).where(eq(afterSalesCases.orderId, o.order.id))).toHaveLength(0);
  });

  it("asks for each unit's serial on a defective miner", async () => {
    const o = await completedOrder(t, { quantity: 2 });
    await refused(
      await submitCaseForm(t, o, { [`serial_${o.line.id}`]: o.serials[0]! }),
      'Enter the serial number of each affected unit',
    );
  });
});

describe('access', () => {
  it("answers 404 for another customer's order form, case, files and posts", async () => {
    const o = await completedOrder(t, { kind: 'general' });
    const res = await submitCaseForm(t, o, { type: 'missing_item' }, []);
    const number = String(res.headers.location).replace('/after-sales/', '');
    const { client: other } = await loggedInClient(t.app, t.db);
    await other.get('/after-sales');
    expect((await other.get(`/orders/${o.number}/after-sales/new`)).statusCode).toBe(404);
    expect((await other.get(`/after-sales/${number}`)).statusCode).toBe(404);
    expect((await other.get(`/after-sales/${number}/files/1`)).statusCode).toBe(404);
    expect((await other.get(`/after-sales/${number}/live`)).statusCode).toBe(404);
    expect((await other.post(`/after-sales/${number}/events/confirmReissueReceived`)).statusCode).toBe(404);
    expect((await postMultipart(t, other, `/after-sales/${number}/messages`, { body: 'hi' })).statusCode).toBe(404);
    expect((await other.get('/after-sales')).body).not.toContain(number);
  });

  it('sends a visitor to log in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/after-sales' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/login/);
  });

  it('carries messages and files both ways on the thread, mailing the other side', async () => {
    const o = await completedOrder(t, { kind: 'general' });
    const number = String((await submitCaseForm(t, o, { type: 'missing_item' }, [])).headers.location).replace(
      '/after-sales/',
      '',
    );
    await o.buyer.get(`/after-sales/${number}`);
    const sent = await postMultipart(t, o.buyer, `/after-sales/${number}/messages`, { body: 'Box arrived open.' }, [
      await photo(40),
    ]);
    expect(sent.statusCode).toBe(303);
    await support.get(`/admin/after-sales/${number}`);
    const reply = await postMultipart(t, support, `/admin/after-sales/${number}/messages`, {
      body: 'Thanks, checking the seal photos.',
    });
    expect(reply.statusCode).toBe(303);
    const page = await o.buyer.get(`/after-sales/${number}`);
    expect(page.body).toContain('Box arrived open.');
    expect(page.body).toContain('Thanks, checking the seal photos.');
    const mail = await t.db.select().from(outboxMessages);
    expect(mail.some((m) => m.subject === `Customer message on case ${number}` && m.to === supportEmail)).toBe(true);
    expect(mail.some((m) => m.body.includes('Thanks, checking the seal photos.') && m.to !== supportEmail)).toBe(true);
    const empty = await postMultipart(t, o.buyer, `/after-sales/${number}/messages`, { body: '' });
    expect(empty.statusCode).toBe(422);
    // Support's refused message comes back on the case page, with the reason above the form.
    const emptyStaff = await postMultipart(t, support, `/admin/after-sales/${number}/messages`, { body: '' });
    expect(emptyStaff.statusCode).toBe(422);
    expect(emptyStaff.body).toContain(`Case ${number}`);
    expect(emptyStaff.body).toContain('<p class="form-error" role="alert">');
  });
});
