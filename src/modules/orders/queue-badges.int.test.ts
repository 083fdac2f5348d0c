import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedInClient } from '../../../test/browser-client.js';
import { placeOrder } from '../../../test/orders.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { queueCounts, queuePage } from './order.repo.js';
import { orders } from './order.tables.js';
import { BADGES_MAX_AGE_MS } from './queue-badges.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const awaitingQuote = async () => {
  const result = await t.db.execute(sql`select count(*)::int as n from orders where status = 'awaiting_quote'`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
};
const badge = (body: string) => /queue=awaiting_quote"[^>]*>[^<]*<span class="count">(\d+)<\/span>/.exec(body)?.[1];

describe('queue badges kept for a second (ADR 0040)', () => {
  it("show this process's own changes at once: an order placed and one quoted", async () => {
    const { client: buyer } = await loggedInClient(t.app, t.db);
    const { client: sales } = await loggedInClient(t.app, t.db, 'sales');
    await placeOrder(buyer, t.db);
    const first = await sales.get('/admin/orders?queue=awaiting_quote');
    expect(badge(first.body)).toBe(String(await awaitingQuote()));

    const { number } = await placeOrder(buyer, t.db);
    const afterPlacing = await sales.get('/admin/orders?queue=awaiting_quote');
    expect(badge(afterPlacing.body)).toBe(String(await awaitingQuote()));
    expect(afterPlacing.body).toContain(number);

    const quoted = await sales.post(`/admin/orders/${number}/freight`, { freight: '120.00' });
    expect(quoted.statusCode).toBe(303);
    const afterQuoting = await sales.get('/admin/orders?queue=awaiting_quote');
    expect(badge(afterQuoting.body)).toBe(String(await awaitingQuote()));
    expect(afterQuoting.body).not.toContain(number);
  });

  it('show a change made elsewhere (another process, psql) within a second, and the rows at once', async () => {
    const { client: buyer } = await loggedInClient(t.app, t.db);
    const { number } = await placeOrder(buyer, t.db);
    const now = new Date(Date.now() + 60_000); // later than any count the other tests kept
    const before = await queueCounts(t.db, now);
    await t.db.update(orders).set({ status: 'cancelled' }).where(eq(orders.number, number));

    const soon = await queuePage(t.db, 'awaiting_quote', new Date(now.getTime() + BADGES_MAX_AGE_MS - 1));
    expect(soon.counts.awaiting_quote).toBe(before.awaiting_quote);
    expect(soon.rows.map((r) => r.number)).not.toContain(number);

    const later = await queueCounts(t.db, new Date(now.getTime() + BADGES_MAX_AGE_MS));
    expect(later.awaiting_quote).toBe(before.awaiting_quote - 1);
    expect(later.awaiting_quote).toBe(await awaitingQuote());
  });

  it('are counted once for views that arrive together, each view still one statement', async () => {
    const { client: sales } = await loggedInClient(t.app, t.db, 'sales');
    await sales.get('/admin/orders?queue=awaiting_quote'); // session and settings cached
    const before = t.database.queries.count;
    const now = new Date(Date.now() + 120_000);
    const pages = await Promise.all(Array.from({ length: 5 }, () => queuePage(t.db, 'payment_review', now)));
    expect(t.database.queries.count - before).toBe(5);
    expect(new Set(pages.map((p) => p.counts)).size).toBe(1);
  });
});
