import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { productFacts } from '../catalog/index.js';
import { verificationCodeFrom } from '../invoices/index.js';
import { orderFacts } from '../orders/index.js';
import { packedParcelFacts, packedUnitFacts } from '../packing/index.js';
import { customsPapers } from './customs.tables.js';

export type CustomsPapers = typeof customsPapers.$inferSelect;

/** The shipment's papers record, issued on first download (one per order, never changed). */
export async function issueCustomsPapers(db: DbOrTx, orderId: number): Promise<CustomsPapers> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await db
      .insert(customsPapers)
      .values({ orderId, code: verificationCodeFrom(randomBytes(10)) })
      .onConflictDoNothing();
    const [row] = await db.select().from(customsPapers).where(eq(customsPapers.orderId, orderId));
    if (row) return row;
  }
  throw new Error('could not issue a customs papers code');
}

export async function findCustomsPapersByCode(db: DbOrTx, code: string) {
  const [row] = await db
    .select({
      papers: customsPapers,
      number: orderFacts.number,
      fullName: orderFacts.fullName,
      totalCents: orderFacts.totalCents,
    })
    .from(customsPapers)
    .innerJoin(orderFacts, eq(orderFacts.id, customsPapers.orderId))
    .where(eq(customsPapers.code, code));
  return row;
}

/** What the catalog states for customs about each product: description and origin. */
export async function customsFactsOf(db: DbOrTx, productIds: number[]) {
  if (!productIds.length) return [];
  return db
    .select({
      id: productFacts.id,
      customsDescription: productFacts.customsDescription,
      originCountry: productFacts.originCountry,
    })
    .from(productFacts)
    .where(inArray(productFacts.id, productIds));
}

/** The order's parcels in order, each with its units in force. */
export async function parcelsOf(db: DbOrTx, orderId: number) {
  const [parcels, units] = await Promise.all([
    db
      .select()
      .from(packedParcelFacts)
      .where(eq(packedParcelFacts.orderId, orderId))
      .orderBy(asc(packedParcelFacts.position)),
    db
      .select({
        parcelId: packedUnitFacts.parcelId,
        orderLineId: packedUnitFacts.orderLineId,
        serialNumber: packedUnitFacts.serialNumber,
      })
      .from(packedUnitFacts)
      .where(and(eq(packedUnitFacts.orderId, orderId), sql`not ${packedUnitFacts.replaced}`))
      .orderBy(asc(packedUnitFacts.id)),
  ]);
  return parcels.map((p) => ({ ...p, units: units.filter((u) => u.parcelId === p.id) }));
}
