import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createApiToken } from '../../../test/api.js';
import { type BrowserClient, loggedInClient } from '../../../test/browser-client.js';
import { insertProduct } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { apiIdempotencyKeys, auditLog, products, repairCenters, stockAdjustments } from '../../platform/db/schema.js';
import { sweepIdempotencyKeys } from './actions/sweep-idempotency-keys.js';
import { productBody, refundBody, refundDueOrder, submittedCenter } from './catalog-api.test-helpers.js';

/**
 * Catalog writes, refunds and repair-center review through the API: each needs the role its
 * page needs (a token with another role is refused), is audited "via token <name>", keeps
 * the page's rules, and its POSTs honour Idempotency-Key.
 */
let t: TestApp;
let admin: BrowserClient;
let buyer: BrowserClient;
let buyerId: number;
const tokens: Record<string, { token: string; name: string }> = {};
beforeAll(async () => {
  t = await createTestApp();
  admin = (await loggedInClient(t.app, t.db, 'admin')).client;
  const b = await loggedInClient(t.app, t.db);
  buyer = b.client;
  buyerId = b.user.id;
  for (const role of ['admin', 'sales', 'finance', 'support', 'warehouse'])
    tokens[role] = await createApiToken(t.app, admin, [role], `API ${role}`);
});
afterAll(() => t.close());

const as = (role: string) => tokens[role]!.token;
const lastAudit = async (action: string) =>
  (
    await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, action as never))
      .orderBy(auditLog.id)
  ).at(-1);

describe('catalog through the API', () => {
  it('creates and updates products as admin only, audited via the token, stock through the ledger only', async () => {
    const body = productBody();
    for (const role of ['sales', 'finance', 'support', 'warehouse'])
      expect((await api(t.app, as(role), 'POST', '/api/v1/products', body)).statusCode, role).toBe(403);
    const made = await api(t.app, as('admin'), 'POST', '/api/v1/products', body);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ slug: body.slug, stock: 4, priceCents: 450_000 });
    expect(await lastAudit('product.create')).toMatchObject({
      via: 'token API admin',
      subjectId: String(made.json().id),
    });
    const [first] = await t.db.select().from(stockAdjustments).where(eq(stockAdjustments.productId, made.json().id));
    expect(first).toMatchObject({ delta: 4, reason: 'initial' });

    // A PATCH changes what it sends; a stock field is refused by the schema, not quietly dropped.
    const url = `/api/v1/products/${body.slug}`;
    expect((await api(t.app, as('sales'), 'PATCH', url, { priceCents: 1 })).statusCode).toBe(403);
    expect((await api(t.app, as('admin'), 'PATCH', url, { stock: 900 })).statusCode).toBe(400);
    const patched = await api(t.app, as('admin'), 'PATCH', url, { priceCents: 420_000 });
    expect(patched.json()).toMatchObject({ priceCents: 420_000, stock: 4, name: body.name });
    expect(await lastAudit('product.update')).toMatchObject({ via: 'token API admin' });
    // The form's rules apply: a slug taken by another product is the page's field error.
    const other = await insertProduct(t.db);
    const clash = await api(t.app, as('admin'), 'PATCH', url, { slug: other.slug });
    expect(clash.statusCode).toBe(422);
    expect(clash.json()).toMatchObject({ code: 'VALIDATION', errors: [{ field: 'slug' }] });
    expect((await api(t.app, as('admin'), 'PATCH', '/api/v1/products/no-such-product', {})).statusCode).toBe(404);
  });

  it('adjusts stock as a ledger row with a note, never below zero, and lists the ledger', async () => {
    const p = await insertProduct(t.db, { stock: 0 });
    const url = `/api/v1/products/${p.slug}/stock`;
    expect((await api(t.app, as('warehouse'), 'POST', url, { delta: 3, note: 'Counted' })).statusCode).toBe(403);
    expect((await api(t.app, as('sales'), 'GET', url)).statusCode).toBe(403);
    const added = await api(t.app, as('admin'), 'POST', url, { delta: 3, note: 'Counted in the warehouse' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ stock: 3, items: [{ delta: 3, reason: 'manual' }] });
    expect(await lastAudit('stock.adjust')).toMatchObject({ via: 'token API admin', subjectId: String(p.id) });
    const below = await api(t.app, as('admin'), 'POST', url, { delta: -5, note: 'Damaged units' });
    expect(below.statusCode).toBe(422);
    expect((await t.db.select().from(products).where(eq(products.id, p.id)))[0]!.stock).toBe(3);
    expect((await api(t.app, as('admin'), 'GET', url)).json()).toMatchObject({ stock: 3, total: 1 });
  });

  it('replays a POST with the same Idempotency-Key, refuses the key with another body, and sweeps keys after 24 h', async () => {
    const p = await insertProduct(t.db, { stock: 0 });
    const url = `/api/v1/products/${p.slug}/stock`;
    const key = { 'idempotency-key': `count-${p.id}` };
    const once = await api(t.app, as('admin'), 'POST', url, { delta: 2, note: 'Counted' }, key);
    const again = await api(t.app, as('admin'), 'POST', url, { note: 'Counted', delta: 2 }, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(once.json());
    const other = await api(t.app, as('admin'), 'POST', url, { delta: 7, note: 'Counted' }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect((await t.db.select().from(products).where(eq(products.id, p.id)))[0]!.stock).toBe(2);

    const created = await api(t.app, as('admin'), 'POST', '/api/v1/products', productBody(), {
      'idempotency-key': 'p1',
    });
    const replayed = await api(t.app, as('admin'), 'POST', '/api/v1/products', productBody(), {
      'idempotency-key': 'p1',
    });
    expect(created.statusCode).toBe(201);
    expect(replayed.statusCode).toBe(422);

    const row = and(eq(apiIdempotencyKeys.key, key['idempotency-key']));
    await t.db
      .update(apiIdempotencyKeys)
      .set({ createdAt: new Date(Date.now() - 25 * 3_600_000) })
      .where(row);
    expect(await sweepIdempotencyKeys(t.db)).toBeGreaterThanOrEqual(1);
    expect(await t.db.select().from(apiIdempotencyKeys).where(row)).toEqual([]);
    // Fresh keys stay; a second sweep (another process) finds nothing more to do.
    expect((await t.db.select().from(apiIdempotencyKeys).where(eq(apiIdempotencyKeys.key, 'p1'))).length).toBe(1);
    expect(await sweepIdempotencyKeys(t.db)).toBe(0);
  });

  it('lets sales read and set network figures, and anyone list the categories', async () => {
    const figure = {
      coin: 'LTC',
      networkHashrate: 1.5,
      networkHashrateUnit: 'PH/s',
      blockReward: 6.25,
      blockTimeSeconds: 150,
      coinPriceCents: 8_000,
    };
    expect((await api(t.app, as('finance'), 'PUT', '/api/v1/network-figures/Scrypt', figure)).statusCode).toBe(403);
    expect((await api(t.app, as('finance'), 'GET', '/api/v1/network-figures')).statusCode).toBe(403);
    const set = await api(t.app, as('sales'), 'PUT', '/api/v1/network-figures/Scrypt', figure);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ algorithm: 'Scrypt', networkHashrate: 1.5e15, coinPriceCents: 8_000 });
    expect(await lastAudit('network-figure.save')).toMatchObject({ via: 'token API sales' });
    const list = (await api(t.app, as('sales'), 'GET', '/api/v1/network-figures')).json();
    expect(list.items.map((f: { algorithm: string }) => f.algorithm)).toContain('Scrypt');
    const cats = await api(t.app, undefined, 'GET', '/api/v1/categories', undefined, { 'accept-language': 'es' });
    expect(cats.json().items[0]).toMatchObject({ slug: 'asic-miners' });
  });
});

describe('refunds through the API', () => {
  it('lists and records refunds as finance only; over-refunding is refused', async () => {
    const number = await refundDueOrder(t.app, t.db, as('admin'), admin, buyer);
    const url = `/api/v1/orders/${number}/refunds`;
    for (const role of ['sales', 'support'])
      expect((await api(t.app, as(role), 'POST', url, refundBody())).statusCode, role).toBe(403);
    expect((await api(t.app, as('sales'), 'GET', '/api/v1/refunds')).statusCode).toBe(403);
    const due = (await api(t.app, as('finance'), 'GET', '/api/v1/refunds?status=due')).json();
    expect(due.items[0]).toMatchObject({ orderNumber: number, amountCents: 645_000, refundedCents: 0 });

    const part = await api(t.app, as('finance'), 'POST', url, refundBody(600_000));
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json().creditNoteNumber).toMatch(/^CN-\d{4}-\d{6}$/);
    expect(await lastAudit('refund.record')).toMatchObject({ via: 'token API finance' });
    const over = await api(t.app, as('finance'), 'POST', url, refundBody(50_000));
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: 'VALIDATION', errors: [{ field: 'amount' }] });
    expect((await api(t.app, as('finance'), 'POST', url, refundBody(45_000))).statusCode).toBe(201);
    const settled = (await api(t.app, as('finance'), 'GET', '/api/v1/refunds?status=settled')).json();
    expect(settled.items.find((r: { orderNumber: string }) => r.orderNumber === number)).toMatchObject({
      refundedCents: 645_000,
    });
    // Not a receipt: the page's upload policy refuses it by its content.
    const fake = { ...refundBody(1), proofBase64: Buffer.from('<svg></svg>').toString('base64') };
    expect((await api(t.app, as('finance'), 'POST', url, fake)).statusCode).toBe(422);
    expect(
      (await api(t.app, as('finance'), 'POST', '/api/v1/orders/HC-0000-000000/refunds', refundBody())).statusCode,
    ).toBe(404);
  });
});

describe('repair-center review through the API', () => {
  it('lists by review state and approves or rejects as support only, on the revision read', async () => {
    const c = await submittedCenter(t.db, buyerId);
    expect((await api(t.app, as('sales'), 'GET', '/api/v1/repair-centers')).statusCode).toBe(403);
    const queue = (await api(t.app, as('support'), 'GET', '/api/v1/repair-centers?status=in_review')).json();
    expect(queue.items.find((x: { id: number }) => x.id === c.id)).toMatchObject({ revision: 1, isEdit: false });

    const approve = `/api/v1/repair-centers/${c.id}/approve`;
    expect((await api(t.app, as('finance'), 'POST', approve, { revision: 1 })).statusCode).toBe(403);
    expect((await api(t.app, as('support'), 'POST', approve, { revision: 2 })).statusCode).toBe(409);
    const ok = await api(t.app, as('support'), 'POST', approve, { revision: 1 });
    expect(ok.json()).toEqual({ id: c.id, status: 'approved' });
    expect(await lastAudit('repair-center.approve')).toMatchObject({ via: 'token API support' });
    expect((await api(t.app, as('support'), 'POST', approve, { revision: 1 })).statusCode).toBe(409);

    const d = await submittedCenter(t.db, buyerId);
    const reject = `/api/v1/repair-centers/${d.id}/reject`;
    expect((await api(t.app, as('support'), 'POST', reject, { revision: 1, reason: '   ' })).statusCode).toBe(422);
    expect(
      (await api(t.app, as('support'), 'POST', reject, { revision: 1, reason: 'No such street' })).statusCode,
    ).toBe(200);
    const [row] = await t.db.select().from(repairCenters).where(eq(repairCenters.id, d.id));
    expect(row).toMatchObject({ status: 'rejected', rejectionReason: 'No such street' });
    expect(
      (await api(t.app, as('support'), 'POST', '/api/v1/repair-centers/999999/approve', { revision: 1 })).statusCode,
    ).toBe(404);
  });
});
