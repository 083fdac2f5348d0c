import { sql } from 'drizzle-orm';
import { registerUser, setSecondFactorSecret } from '../modules/accounts/index.js';
import { recordInitialStock } from '../modules/catalog/index.js';
import type { Db } from '../platform/db/client.js';
import { networkFigures, paymentMethods, products, repairCenters } from '../platform/db/schema.js';
import type { Storage } from '../platform/storage.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoAccounts } from './demo-accounts.js';
import { demoPaymentMethods } from './demo-payment-methods.js';
import { demoCenterInReview, demoRepairCenters } from './demo-repair-centers.js';
import { seedDemoOrders } from './seed-demo-orders.js';

/**
 * Seeds the demo catalog and accounts on an empty database (no products yet), then the
 * order book (about two months of orders in every state, payments, packing evidence,
 * after-sales cases, a refund due) and a repair center waiting for review.
 * Products get staggered creation times so "newest" has a stable order.
 * Returns whether it seeded.
 */
export async function seedDemo(db: Db, storage: Storage, now = new Date()): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(products);
  if ((row?.n ?? 0) > 0) return false;
  // Loaded only when seeding, so a production start never holds the demo catalog in memory.
  const { demoNetworkFigures, demoProducts } = await import('../modules/catalog/demo/demo-products.js');
  const nowMs = now.getTime();
  await db.transaction(async (tx) => {
    // Products start empty; their stock comes in as the ledger's `initial` rows.
    const inserted = await tx
      .insert(products)
      .values(
        demoProducts.map(({ stock: _, ...p }, i) => ({
          ...p,
          createdAt: new Date(nowMs - (demoProducts.length - i) * 3_600_000),
        })),
      )
      .returning({ id: products.id, slug: products.slug });
    const stockOf = new Map(demoProducts.map((p) => [p.slug, p.stock ?? 0]));
    await recordInitialStock(
      tx,
      inserted.map((r) => ({ productId: r.id, quantity: stockOf.get(r.slug) ?? 0 })),
    );
    await tx.insert(networkFigures).values(demoNetworkFigures).onConflictDoNothing();
    await tx.insert(paymentMethods).values(demoPaymentMethods);
  });
  const ids = new Map<string, number>();
  for (const account of demoAccounts) {
    const user = await registerUser(db, { ...account, password: DEMO_PASSWORD }).catch(() => undefined);
    if (user) ids.set(account.email, user.id);
    if (user && account.role !== 'customer') await setSecondFactorSecret(db, user.id, DEMO_TOTP_SECRET);
  }
  const owner = ids.get('repairs@demo.hashcart.test');
  if (owner)
    await db
      .insert(repairCenters)
      .values([...demoRepairCenters, demoCenterInReview(now)].map((c) => ({ ...c, ownerId: owner })));
  await seedDemoOrders(db, storage, now);
  return true;
}
