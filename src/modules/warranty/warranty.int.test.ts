import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { packingFiles, packingUnits, unitTestReports, users } from '../../platform/db/schema.js';
import { completedOrder, submitCaseForm } from '../after-sales/after-sales.test-helpers.js';
import { htmlText, pdfText } from '../invoices/pdf-text.test-helper.js';
import { WARRANTY_FAILURES } from './warranty.rules.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://shop.example' });
});
afterAll(() => t.close());

/** A shipped miner order whose units passed burn-in, with one packing photo on its parcel. */
async function minerOrder(opts: Parameters<typeof completedOrder>[1] = {}) {
  const o = await completedOrder(t, { kind: 'miner', quantity: 2, ...opts });
  await t.db
    .update(packingUnits)
    .set({ burnInHashrate: 198.5, burnInHashrateUnit: 'TH/s', burnInHours: 4, burnInPassed: true })
    .where(eq(packingUnits.orderId, o.order.id));
  const units = await t.db.select().from(packingUnits).where(eq(packingUnits.orderId, o.order.id));
  await t.db.insert(packingFiles).values({
    orderId: o.order.id,
    parcelId: units[0]!.parcelId,
    kind: 'photo',
    fileKey: `packing/${o.order.id}.jpg`,
    mimeType: 'image/jpeg',
    sizeBytes: 10,
    sha256: 'ab'.repeat(32),
    uploadedBy: units[0]!.recordedBy,
  });
  const buyer = (await t.db.select().from(users).where(eq(users.id, o.order.customerId)))[0]!;
  return { ...o, units, buyerUser: buyer };
}

const visitor = () => new BrowserClient(t.app);

describe('warranty check by serial', () => {
  it('answers a delivered unit in warranty with model, dates, end date and its cases, and no buyer data', async () => {
    const o = await minerOrder({ warrantyDays: 180, deliveredDaysAgo: 10 });
    const opened = await submitCaseForm(t, o);
    expect(opened.statusCode).toBe(303);
    const caseNumber = String(opened.headers.location).split('/').pop();

    // Typed as a buyer would: lower case, spaces around.
    const res = await visitor().get(`/warranty?serial=${encodeURIComponent(`  ${o.serials[0]!.toLowerCase()} `)}`);
    expect(res.statusCode).toBe(200);
    const text = htmlText(res.body);
    expect(text).toContain('Warranty check');
    expect(text).toContain('In warranty until');
    expect(text).toContain(o.serials[0]!);
    expect(text).toContain('Bitmain');
    expect(text).toContain(caseNumber!);
    expect(text).toContain('Defective product');
    expect(text).toContain('Download test report (PDF)');
    for (const secret of [o.buyerUser.fullName, o.buyerUser.email, o.order.address, o.order.phone, o.number]) {
      expect(res.body).not.toContain(secret);
    }

    const json = await visitor().get(`/api/v1/warranty/${o.serials[0]}`);
    expect(json.statusCode).toBe(200);
    const body = json.json();
    expect(body).toMatchObject({
      found: true,
      serial: o.serials[0],
      brand: 'Bitmain',
      warrantyDays: 180,
      warrantyState: 'in_warranty',
      inWarranty: true,
      cases: [{ number: caseNumber, type: 'defective', state: 'submitted' }],
    });
    const ends = new Date(body.warrantyEndsAt).getTime();
    expect(ends - new Date(body.deliveredAt).getTime()).toBe(180 * 86_400_000);
    expect(body.testReport.url).toMatch(/^\/warranty\/test-reports\/[2-9A-Z]{10}\.pdf$/);
    for (const secret of [o.buyerUser.fullName, o.buyerUser.email, o.order.address, o.number]) {
      expect(json.body).not.toContain(secret);
    }
  });

  it('says plainly when the warranty has ended, and that it starts at delivery while in transit', async () => {
    const old = await minerOrder({ warrantyDays: 30, deliveredDaysAgo: 40 });
    const expired = (await visitor().get(`/api/v1/warranty/${old.serials[1]}`)).json();
    expect(expired).toMatchObject({ found: true, warrantyState: 'expired', inWarranty: false });
    expect(htmlText((await visitor().get(`/warranty?serial=${old.serials[1]}`)).body)).toContain(
      'Out of warranty: the warranty ended on',
    );

    const moving = await minerOrder({ status: 'shipped' });
    const transit = (await visitor().get(`/api/v1/warranty/${moving.serials[0]}`)).json();
    expect(transit).toMatchObject({
      found: true,
      warrantyState: 'not_delivered',
      inWarranty: false,
      warrantyEndsAt: null,
    });
  });

  it('answers an unknown serial plainly with 404, and refuses a malformed one before looking', async () => {
    const page = await visitor().get('/warranty?serial=NOPE-123');
    expect(page.statusCode).toBe(404);
    expect(htmlText(page.body)).toContain('We have no shipped unit with serial number NOPE-123');
    const json = await visitor().get('/api/v1/warranty/NOPE-123');
    expect(json.statusCode).toBe(404);
    expect(json.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });

    const bad = await visitor().get(`/warranty?serial=${encodeURIComponent('"><b>x')}`);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).not.toContain('"><b>');
    expect(htmlText(bad.body)).toContain('A serial number has letters, digits');
    const refused = await visitor().get(`/api/v1/warranty/${encodeURIComponent('"><b>x')}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'BAD_REQUEST', errors: [{ in: 'params', field: 'serial' }] });
    // The bare page is the form with the field the design names.
    const form = await visitor().get('/warranty');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<label for="f-serial">Serial number</label>');
  });

  it('does not answer for a unit a correction replaced, nor for an order not shipped yet', async () => {
    const o = await minerOrder();
    const old = o.units[0]!;
    await t.db.insert(packingUnits).values({
      orderId: o.order.id,
      parcelId: old.parcelId,
      orderLineId: old.orderLineId,
      serialNumber: `${old.serialNumber}R`,
      correctsUnitId: old.id,
      recordedBy: old.recordedBy,
      correctionReason: 'typo',
    });
    expect((await visitor().get(`/api/v1/warranty/${old.serialNumber}`)).statusCode).toBe(404);
    expect((await visitor().get(`/api/v1/warranty/${old.serialNumber}R`)).statusCode).toBe(200);

    const packing = await minerOrder();
    await t.db.execute(`update orders set status = 'ready_to_ship' where id = ${packing.order.id}`);
    expect((await visitor().get(`/api/v1/warranty/${packing.serials[0]}`)).statusCode).toBe(404);
  });

  it('rate-limits unknown serials per client address, in the database, but never a found one', async () => {
    const o = await minerOrder();
    const c = visitor();
    for (let i = 0; i < WARRANTY_FAILURES; i++) {
      expect((await c.get(`/api/v1/warranty/GUESS${i}`)).statusCode).toBe(404);
    }
    expect((await c.get('/api/v1/warranty/GUESSMORE')).statusCode).toBe(429);
    expect((await c.get('/warranty?serial=GUESSMORE')).statusCode).toBe(429);
    // Another address is not held up.
    expect((await visitor().get(`/api/v1/warranty/${o.serials[0]}`)).statusCode).toBe(200);
    // A found serial costs nothing: the holder of a real unit keeps checking it.
    const d = visitor();
    for (let i = 0; i < WARRANTY_FAILURES + 5; i++) {
      expect((await d.get(`/api/v1/warranty/${o.serials[0]}`)).statusCode).toBe(200);
    }
  });
});

describe('unit test report', () => {
  it('is a PDF with serial, model, burn-in, tester, date and photo references, and no buyer data', async () => {
    const o = await minerOrder();
    const unit = o.units[0]!;
    const res = await o.buyer.get(`/orders/${o.number}/units/${unit.id}/test-report.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { pages, text } = await pdfText(res.rawPayload);
    expect(pages).toHaveLength(1);
    for (const s of ['UNIT TEST REPORT', unit.serialNumber, 'Bitmain', '198.5 TH/s', 'Passed', 'Packer', 'abababab']) {
      expect(text).toContain(s);
    }
    for (const secret of [o.buyerUser.fullName, o.buyerUser.email, o.order.address, o.number]) {
      expect(text).not.toContain(secret);
    }
    const [report] = await t.db.select().from(unitTestReports).where(eq(unitTestReports.packingUnitId, unit.id));
    expect(text).toContain(`${report!.code.slice(0, 5)}-${report!.code.slice(5)}`);

    // The same code is printed again on the next download, on the public link and on /verify.
    await o.buyer.get(`/orders/${o.number}/units/${unit.id}/test-report.pdf`);
    expect(await t.db.select().from(unitTestReports).where(eq(unitTestReports.packingUnitId, unit.id))).toHaveLength(1);
    const pub = await visitor().get(`/warranty/test-reports/${report!.code}.pdf`);
    expect(pub.statusCode).toBe(200);
    expect((await pdfText(pub.rawPayload)).text).toContain(unit.serialNumber);
    const verified = await visitor().get(`/verify/${report!.code}`);
    expect(verified.statusCode).toBe(200);
    const vt = htmlText(verified.body);
    expect(vt).toContain('Genuine: this unit test report was issued by');
    expect(vt).toContain(unit.serialNumber);
    expect(vt).not.toContain(o.buyerUser.fullName);
  });

  it('names the tester by first name and initial to anyone holding the code; staff copies keep the full name', async () => {
    const o = await minerOrder();
    const unit = o.units[0]!;
    await t.db.update(users).set({ fullName: 'Lukas Bergmann' }).where(eq(users.id, unit.recordedBy));
    const staff = (await loggedInClient(t.app, t.db, 'support')).client;
    await staff.get('/admin');
    const staffCopy = await pdfText(
      (await staff.get(`/admin/orders/${o.number}/units/${unit.id}/test-report.pdf`)).rawPayload,
    );
    expect(staffCopy.text).toContain('Lukas Bergmann');
    const buyerCopy = await pdfText(
      (await o.buyer.get(`/orders/${o.number}/units/${unit.id}/test-report.pdf`)).rawPayload,
    );
    expect(buyerCopy.text).toContain('Lukas B.');
    expect(buyerCopy.text).not.toContain('Bergmann');
    const [report] = await t.db.select().from(unitTestReports).where(eq(unitTestReports.packingUnitId, unit.id));
    const pub = await pdfText((await visitor().get(`/warranty/test-reports/${report!.code}.pdf`)).rawPayload);
    expect(pub.text).toContain('Lukas B.');
    expect(pub.text).not.toContain('Bergmann');
  });

  it('issues one code when two first downloads race', async () => {
    const o = await minerOrder();
    const url = `/orders/${o.number}/units/${o.units[0]!.id}/test-report.pdf`;
    const [a, b] = await Promise.all([o.buyer.get(url), o.buyer.get(url)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(
      await t.db.select().from(unitTestReports).where(eq(unitTestReports.packingUnitId, o.units[0]!.id)),
    ).toHaveLength(1);
  });

  it('is in Spanish for a Spanish reader', async () => {
    const o = await minerOrder();
    const res = await o.buyer.get(`/orders/${o.number}/units/${o.units[1]!.id}/test-report.pdf`, {
      'accept-language': 'es',
    });
    const { text } = await pdfText(res.rawPayload);
    expect(text).toContain('INFORME DE PRUEBA DE LA UNIDAD');
    expect(text).toContain('Superada');
  });

  it('answers 404 to another buyer, before shipping, for a unit without burn-in and for unknown codes', async () => {
    const o = await minerOrder();
    const unit = o.units[0]!;
    const other = (await loggedInClient(t.app, t.db)).client;
    expect((await other.get(`/orders/${o.number}/units/${unit.id}/test-report.pdf`)).statusCode).toBe(404);
    expect((await visitor().get(`/orders/${o.number}/units/${unit.id}/test-report.pdf`)).statusCode).not.toBe(200);

    const early = await minerOrder();
    await t.db.execute(`update orders set status = 'ready_to_ship' where id = ${early.order.id}`);
    expect(
      (await early.buyer.get(`/orders/${early.number}/units/${early.units[0]!.id}/test-report.pdf`)).statusCode,
    ).toBe(404);
    // Staff have it at packing already.
    const warehouse = (await loggedInClient(t.app, t.db, 'warehouse')).client;
    const staff = await warehouse.get(`/admin/orders/${early.number}/units/${early.units[0]!.id}/test-report.pdf`);
    expect(staff.statusCode).toBe(200);

    await t.db
      .update(packingUnits)
      .set({ burnInPassed: null, burnInHashrate: null, burnInHours: null })
      .where(inArray(packingUnits.id, [o.units[1]!.id]));
    expect((await o.buyer.get(`/orders/${o.number}/units/${o.units[1]!.id}/test-report.pdf`)).statusCode).toBe(404);
    expect((await visitor().get('/warranty/test-reports/ABCDE23456.pdf')).statusCode).toBe(404);
    expect((await visitor().get('/warranty/test-reports/not-a-code')).statusCode).toBe(404);
  });
});

describe('links to the warranty check', () => {
  it('from the help centre, product pages and the buyer order page (with the unit test reports)', async () => {
    expect((await visitor().get('/help')).body).toContain('href="/warranty"');
    const o = await minerOrder();
    const page = await o.buyer.get(`/orders/${o.number}`);
    expect(page.body).toContain(`href="/orders/${o.number}/units/${o.units[0]!.id}/test-report.pdf"`);
    expect(page.body).toContain(`href="/warranty?serial=${o.serials[0]}"`);
    const slug = (await t.db.execute(
      `select slug from products where id = (select product_id from order_lines where order_id = ${o.order.id})`,
    )) as unknown as { rows: { slug: string }[] };
    expect((await visitor().get(`/products/${slug.rows[0]!.slug}`)).body).toContain('href="/warranty"');
  });
});
