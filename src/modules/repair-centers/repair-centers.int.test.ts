import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { hugePng } from '../../../test/media.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { repairCenters } from '../../platform/db/schema.js';
import { NOT_AN_IMAGE, PNG, postMultipart, validCenter } from './repair-centers.test-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const idFrom = (location: unknown) => Number(String(location).split('/').pop());
// Inside a quoted attribute `<` is inert (Kita escapes the quote): look for markup outside attributes.
const outsideAttributes = (html: string) => html.replace(/="[^"]*"/g, '=""');
const photoUrls = (html: string) => [...html.matchAll(/src="(\/repair-center-photos\/[^"]+)"/g)].map((m) => m[1]!);

describe('Repair Center (owner)', () => {
  it('creates a center with photos; it waits for review and is not public', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    const home = await client.get('/');
    expect(home.body).toContain('href="/repair-centers"');
    const form = await client.get('/repair-centers/new');
    for (const label of ['Name', 'Country', 'City', 'Address', 'Phone', 'WhatsApp', 'Email', 'Brands serviced']) {
      expect(form.body).toContain(`>${label}</label>`);
    }
    const png = { filename: 'shop.png', type: 'image/png', data: PNG };
    const res = await postMultipart(t.app, client, '/repair-centers', validCenter({ name: 'Steppe Hash Repair' }), [
      png,
      png,
    ]);
    expect(res.statusCode).toBe(303);
    const id = idFrom(res.headers.location);
    const page = await client.get(`/repair-centers/${id}`);
    expect(page.body).toContain('Steppe Hash Repair');
    expect(page.body).toContain('Waiting for review (1–3 business days)');
    const list = await client.get('/repair-centers');
    expect(list.body).toContain('Steppe Hash Repair');
    expect(list.body).toContain('Create repair center');

    const [row] = await t.db.select().from(repairCenters).where(eq(repairCenters.id, id));
    expect(row).toMatchObject({
      status: 'in_review',
      country: 'KZ',
      brands: ['Bitmain', 'MicroBT'],
      services: ['hash_board', 'psu'],
      lat: 43.2389,
    });
    expect(row!.photos).toHaveLength(2);

    // Nothing unapproved is public: not listed, detail 404, photos only for owner and support.
    const visitor = new BrowserClient(t.app);
    expect((await visitor.get('/asic-miner-repair')).body).not.toContain('Steppe Hash Repair');
    expect((await visitor.get(`/asic-miner-repair/${id}`)).statusCode).toBe(404);
    const [photo] = photoUrls(page.body);
    expect(photo).toBeDefined();
    const own = await client.get(photo!);
    expect(own.statusCode).toBe(200);
    // Re-encoded before storing: served as WebP, without the original's metadata.
    expect(own.headers['content-type']).toBe('image/webp');
    expect(own.rawPayload.subarray(8, 12).toString()).toBe('WEBP');
    expect((await visitor.get(photo!)).statusCode).toBe(404);
    expect((await (await loggedInClient(t.app, t.db)).client.get(photo!)).statusCode).toBe(404);
    expect((await (await loggedInClient(t.app, t.db, 'support')).client.get(photo!)).statusCode).toBe(200);
  });

  it('refuses bad input with messages beside the fields and keeps what was typed', async () => {
    const { client, user } = await loggedInClient(t.app, t.db);
    await client.get('/repair-centers/new');
    const res = await postMultipart(
      t.app,
      client,
      '/repair-centers',
      validCenter({
        name: '',
        email: 'not-an-email',
        phone: 'call me',
        lat: '95',
        lng: '10',
        city: 'Typed City',
        services: ['firmware'],
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('This field is required');
    expect(res.body).toContain('Enter a valid e-mail address');
    expect(res.body).toContain('Enter a phone number with country code');
    expect(res.body).toContain('Latitude is a number between -90 and 90');
    expect(res.body).toContain('value="Typed City"');
    expect(res.body).toContain('value="not-an-email"');
    expect(res.body).toContain('value="95"');
    expect(res.body).toMatch(/value="firmware" checked/);
    expect(res.body).toMatch(/<option value="KZ" selected/);

    const half = await postMultipart(t.app, client, '/repair-centers', validCenter({ lat: '43.2', lng: '' }));
    expect(half.statusCode).toBe(422);
    expect(half.body).toContain('Give both latitude and longitude, or neither');

    const fake = await postMultipart(t.app, client, '/repair-centers', validCenter({ city: 'Kept' }), [
      { filename: 'photo.png', type: 'image/png', data: NOT_AN_IMAGE },
    ]);
    expect(fake.statusCode).toBe(422);
    expect(fake.body).toContain('Photos must be JPEG, PNG or WebP images');
    expect(fake.body).toContain('value="Kept"');

    const bomb = await postMultipart(t.app, client, '/repair-centers', validCenter({ city: 'Kept' }), [
      { filename: 'photo.png', type: 'image/png', data: hugePng() },
    ]);
    expect(bomb.statusCode).toBe(422);
    expect(bomb.body).toContain('at most 40 megapixels');

    const seven = Array.from({ length: 7 }, () => ({ filename: 'p.png', type: 'image/png', data: PNG }));
    const tooMany = await postMultipart(t.app, client, '/repair-centers', validCenter(), seven);
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.body).toContain('at most 6 photos');

    const big = await postMultipart(t.app, client, '/repair-centers', validCenter(), [
      { filename: 'big.png', type: 'image/png', data: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]) },
    ]);
    expect(big.statusCode).toBe(422);
    expect(big.body).toContain('at most 5 MB');

    expect(await t.db.select().from(repairCenters).where(eq(repairCenters.ownerId, user.id))).toEqual([]);
  });

  it('ignores posted status and owner fields', async () => {
    const { client, user } = await loggedInClient(t.app, t.db);
    const other = await loggedInClient(t.app, t.db);
    const res = await postMultipart(t.app, client, '/repair-centers', {
      ...validCenter(),
      status: 'approved',
      ownerId: String(other.user.id),
      publishedAt: '2020-01-01',
    });
    const [row] = await t.db
      .select()
      .from(repairCenters)
      .where(eq(repairCenters.id, idFrom(res.headers.location)));
    expect(row).toMatchObject({ status: 'in_review', ownerId: user.id, publishedAt: null });
  });

  it("answers 404 for another user's center, and sends visitors to log in", async () => {
    const owner = await loggedInClient(t.app, t.db);
    const res = await postMultipart(t.app, owner.client, '/repair-centers', validCenter({ name: 'Private Draft' }));
    const id = idFrom(res.headers.location);
    const other = await loggedInClient(t.app, t.db);
    expect((await other.client.get(`/repair-centers/${id}`)).statusCode).toBe(404);
    const edit = await postMultipart(t.app, other.client, `/repair-centers/${id}`, validCenter({ name: 'Hijacked' }));
    expect(edit.statusCode).toBe(404);
    expect((await other.client.get('/repair-centers')).body).not.toContain('Private Draft');
    const [row] = await t.db.select().from(repairCenters).where(eq(repairCenters.id, id));
    expect(row!.name).toBe('Private Draft');
    const visitor = await new BrowserClient(t.app).get('/repair-centers');
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toMatch(/^\/login/);
    expect((await owner.client.get('/repair-centers/abc')).statusCode).toBe(404);
  });

  it('shows script and HTML typed into fields as text', async () => {
    const { client } = await loggedInClient(t.app, t.db);
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const res = await postMultipart(
      t.app,
      client,
      '/repair-centers',
      validCenter({ name: evil, city: evil, description: evil, models: evil, brands: `Bit<b>main</b>` }),
    );
    expect(res.statusCode).toBe(303);
    const id = idFrom(res.headers.location);
    for (const url of ['/repair-centers', `/repair-centers/${id}`]) {
      const body = outsideAttributes((await client.get(url)).body);
      expect(body).not.toContain('<script>alert(1)');
      expect(body).not.toContain('<img src=x');
      expect(body).toContain('&lt;script>alert(1)&lt;/script>');
    }
    const support = await loggedInClient(t.app, t.db, 'support');
    for (const url of ['/admin/repair-centers', `/admin/repair-centers/${id}`]) {
      const body = outsideAttributes((await support.client.get(url)).body);
      expect(body).not.toContain('<script>alert(1)');
      expect(body).toContain('&lt;script>');
    }
    const review = await support.client.get(`/admin/repair-centers/${id}`);
    const revision = /name="revision" value="(\d+)"/.exec(review.body)![1]!;
    expect((await support.client.post(`/admin/repair-centers/${id}/approve`, { revision })).statusCode).toBe(303);
    for (const url of ['/asic-miner-repair', `/asic-miner-repair/${id}`]) {
      const body = outsideAttributes((await new BrowserClient(t.app).get(url)).body);
      expect(body).not.toContain('<script>alert(1)');
      expect(body).not.toContain('<b>main</b>');
      expect(body).toContain('&lt;script>');
    }
  });
});
