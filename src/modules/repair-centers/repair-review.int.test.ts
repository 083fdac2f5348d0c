import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { repairCenters } from '../../platform/db/schema.js';
import { latestOutbox } from '../../platform/mail/index.js';
import { findNearestApprovedCenters } from './index.js';
import { postMultipart, validCenter } from './repair-centers.test-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Client = Awaited<ReturnType<typeof loggedInClient>>['client'];
const revisionOf = async (staff: Client, id: number) => {
  const page = await staff.get(`/admin/repair-centers/${id}`);
  return /name="revision" value="(\d+)"/.exec(page.body)?.[1] ?? '0';
};
async function submit(fields: Record<string, string | string[]> = {}) {
  const owner = await loggedInClient(t.app, t.db);
  const res = await postMultipart(t.app, owner.client, '/repair-centers', validCenter(fields));
  expect(res.statusCode).toBe(303);
  return { ...owner, id: Number(String(res.headers.location).split('/').pop()) };
}
const approve = async (staff: Client, id: number) =>
  staff.post(`/admin/repair-centers/${id}/approve`, { revision: await revisionOf(staff, id) });

describe('repair-center review', () => {
  it('lets only support and admin review', async () => {
    const { id } = await submit();
    for (const role of ['customer', 'sales', 'finance', 'warehouse'] as const) {
      const { client } = await loggedInClient(t.app, t.db, role);
      expect((await client.get('/admin/repair-centers')).statusCode).toBe(403);
      expect((await client.post(`/admin/repair-centers/${id}/approve`, { revision: 1 })).statusCode).toBe(403);
    }
    for (const role of ['support', 'admin'] as const) {
      const { client } = await loggedInClient(t.app, t.db, role);
      const queue = await client.get('/admin/repair-centers');
      expect(queue.statusCode).toBe(200);
      expect(queue.body).toContain(`/admin/repair-centers/${id}`);
      expect(queue.body).toMatch(/\d+ h</);
      expect(queue.body).toContain('href="/admin/repair-centers"');
    }
    const [row] = await t.db.select().from(repairCenters).where(eq(repairCenters.id, id));
    expect(row!.status).toBe('in_review');
  });

  it('rejects with a reason the owner sees, then approves the corrected resubmission', async () => {
    const { client: owner, email, id } = await submit({ name: 'Bishkek ASIC Lab' });
    const { client: staff } = await loggedInClient(t.app, t.db, 'support');

    const noReason = await staff.post(`/admin/repair-centers/${id}/reject`, {
      revision: await revisionOf(staff, id),
      reason: '  ',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Give the reason');

    const rejected = await staff.post(`/admin/repair-centers/${id}/reject`, {
      revision: await revisionOf(staff, id),
      reason: 'The phone number does not answer.',
    });
    expect(rejected.statusCode).toBe(303);
    const ownPage = await owner.get(`/repair-centers/${id}`);
    expect(ownPage.body).toContain('Rejected');
    expect(ownPage.body).toContain('The phone number does not answer.');
    const mail = (await latestOutbox(t.db)).find((m) => m.to === email);
    expect(mail?.subject).toContain('needs changes');
    expect(mail?.body).toContain('The phone number does not answer.');

    // Rejecting again is a conflict: it already changed.
    expect((await staff.post(`/admin/repair-centers/${id}/reject`, { revision: 1, reason: 'again' })).statusCode).toBe(
      409,
    );

    const resubmit = await postMultipart(
      t.app,
      owner,
      `/repair-centers/${id}`,
      validCenter({ name: 'Bishkek ASIC Lab', phone: '+996 312 000 000' }),
    );
    expect(resubmit.statusCode).toBe(303);
    expect((await owner.get(`/repair-centers/${id}`)).body).toContain('Waiting for review (1–3 business days)');

    // A reviewer holding the old revision cannot approve what they did not see.
    expect((await staff.post(`/admin/repair-centers/${id}/approve`, { revision: 1 })).statusCode).toBe(409);
    expect((await approve(staff, id)).statusCode).toBe(303);
    const [row] = await t.db.select().from(repairCenters).where(eq(repairCenters.id, id));
    expect(row).toMatchObject({ status: 'approved', phone: '+996 312 000 000', rejectionReason: null });
    expect(row!.publishedAt).not.toBeNull();
    expect((await latestOutbox(t.db)).find((m) => m.to === email)?.subject).toContain('approved');
    expect((await owner.get('/repair-centers')).body).toContain('Approved');

    const visitor = new BrowserClient(t.app);
    const directory = await visitor.get('/asic-miner-repair');
    expect(directory.body).toContain('Bishkek ASIC Lab');
    expect(directory.body).toContain('https://wa.me/77010000000');
    const detail = await visitor.get(`/asic-miner-repair/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Hash board repair');
    expect(detail.body).toContain('repairs@example.kz');
  });

  it('keeps the approved version public while an edit waits for review', async () => {
    const { client: owner, id } = await submit({ name: 'Tashkent Original' });
    const { client: staff } = await loggedInClient(t.app, t.db, 'admin');
    await approve(staff, id);

    const edit = await postMultipart(
      t.app,
      owner,
      `/repair-centers/${id}`,
      validCenter({ name: 'Tashkent Renamed', city: 'Samarkand' }),
    );
    expect(edit.statusCode).toBe(303);
    const visitor = new BrowserClient(t.app);
    let pub = await visitor.get(`/asic-miner-repair/${id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain('Tashkent Original');
    expect(pub.body).not.toContain('Tashkent Renamed');
    const own = await owner.get(`/repair-centers/${id}`);
    expect(own.body).toContain('changes waiting for review');
    expect(own.body).toContain('value="Tashkent Renamed"');
    const queue = await staff.get('/admin/repair-centers');
    expect(queue.body).toContain('Tashkent Renamed');
    expect(queue.body).toContain('Change to an approved center');

    // A rejected edit leaves the approved version public too.
    await staff.post(`/admin/repair-centers/${id}/reject`, {
      revision: await revisionOf(staff, id),
      reason: 'Samarkand address missing',
    });
    pub = await visitor.get(`/asic-miner-repair/${id}`);
    expect(pub.body).toContain('Tashkent Original');
    expect((await owner.get(`/repair-centers/${id}`)).body).toContain('Samarkand address missing');

    await postMultipart(
      t.app,
      owner,
      `/repair-centers/${id}`,
      validCenter({ name: 'Tashkent Renamed', city: 'Samarkand' }),
    );
    await approve(staff, id);
    pub = await visitor.get(`/asic-miner-repair/${id}`);
    expect(pub.body).toContain('Tashkent Renamed');
    expect(pub.body).not.toContain('Tashkent Original');
    const [row] = await t.db.select().from(repairCenters).where(eq(repairCenters.id, id));
    expect(row!.pending).toBeNull();
  });

  it('filters the directory by country and brand, and ranks the nearest approved centers', async () => {
    const { client: staff } = await loggedInClient(t.app, t.db, 'support');
    const de = await submit({
      name: 'Berlin Board Works',
      country: 'DE',
      city: 'Berlin',
      brands: 'Canaan',
      lat: '52.52',
      lng: '13.405',
    });
    const py = await submit({
      name: 'Asuncion Hash',
      country: 'PY',
      city: 'Asunción',
      brands: 'Bitmain, Canaan',
      lat: '',
      lng: '',
    });
    const hidden = await submit({ name: 'Unreviewed Canaan Shop', country: 'DE', brands: 'Canaan' });
    await approve(staff, de.id);
    await approve(staff, py.id);
    const visitor = new BrowserClient(t.app);
    const germany = await visitor.get('/asic-miner-repair?country=DE');
    expect(germany.body).toContain('Berlin Board Works');
    expect(germany.body).not.toContain('Asuncion Hash');
    expect(germany.body).not.toContain('Unreviewed Canaan Shop');
    const canaan = await visitor.get('/asic-miner-repair?brand=canaan');
    expect(canaan.body).toContain('Berlin Board Works');
    expect(canaan.body).toContain('Asuncion Hash');
    const bitmainDe = await visitor.get('/asic-miner-repair?country=DE&brand=Bitmain');
    expect(bitmainDe.body).not.toContain('Berlin Board Works');
    expect((await visitor.get(`/asic-miner-repair/${hidden.id}`)).statusCode).toBe(404);
    expect((await visitor.get('/asic-miner-repair?country=<x>&brand=')).statusCode).toBe(200);

    const nearest = await findNearestApprovedCenters(t.db, { country: 'AR' }, 'Canaan', 2);
    expect(nearest.map((c) => c.name)).toEqual(['Asuncion Hash', 'Berlin Board Works']);
    expect(
      (await findNearestApprovedCenters(t.db, { country: 'DE', lat: 48.1, lng: 11.6 }, 'Canaan', 1))[0]?.name,
    ).toBe('Berlin Board Works');
  });
});
