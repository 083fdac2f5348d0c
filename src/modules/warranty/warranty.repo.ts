import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { userDirectory } from '../accounts/index.js';
import { productFacts } from '../catalog/index.js';
import { orderFacts, orderLineFacts, orderMachine } from '../orders/index.js';
import { packedUnitFacts } from '../packing/index.js';

const tester = userDirectory('tester');

/** What a unit's public facts are made of: the unit, its product, its order's dates. Never the buyer. */
const unitColumns = {
  unitId: packedUnitFacts.id,
  orderId: packedUnitFacts.orderId,
  parcelId: packedUnitFacts.parcelId,
  serialNumber: packedUnitFacts.serialNumber,
  burnInHashrate: packedUnitFacts.burnInHashrate,
  burnInHashrateUnit: packedUnitFacts.burnInHashrateUnit,
  burnInHours: packedUnitFacts.burnInHours,
  burnInPassed: packedUnitFacts.burnInPassed,
  recordedAt: packedUnitFacts.createdAt,
  testerName: tester.fullName,
  status: orderFacts.status,
  shippedAt: orderFacts.shippedAt,
  deliveredAt: orderFacts.closedAt,
  kind: productFacts.kind,
  brand: productFacts.brand,
  model: productFacts.model,
  productName: orderLineFacts.name,
  sku: orderLineFacts.sku,
  warrantyDays: productFacts.warrantyDays,
};

const unitQuery = (db: DbOrTx) =>
  db
    .select(unitColumns)
    .from(packedUnitFacts)
    .innerJoin(orderFacts, eq(orderFacts.id, packedUnitFacts.orderId))
    .innerJoin(orderLineFacts, eq(orderLineFacts.id, packedUnitFacts.orderLineId))
    .innerJoin(productFacts, eq(productFacts.id, orderLineFacts.productId))
    .innerJoin(tester, eq(tester.id, packedUnitFacts.recordedBy));

/**
 * The shipped unit behind a serial (already `serialKey`-normalized): units in force only
 * (a corrected serial no longer answers), on orders whose goods have left. Should a serial
 * have shipped twice (a unit returned and sold again), the latest shipment answers.
 */
export async function findShippedUnit(db: DbOrTx, serialKey: string) {
  const [row] = await unitQuery(db)
    .where(
      and(
        eq(packedUnitFacts.serialKey, serialKey),
        sql`not ${packedUnitFacts.replaced}`,
        inArray(orderFacts.status, [...orderMachine.predicates.shippedOrLater]),
      ),
    )
    .orderBy(desc(orderFacts.shippedAt), desc(packedUnitFacts.id))
    .limit(1);
  return row;
}
export type ShippedUnit = NonNullable<Awaited<ReturnType<typeof findShippedUnit>>>;

/** A unit in force on one order (the buyer's and staff's test report downloads). */
export async function findOrderUnit(db: DbOrTx, orderId: number, unitId: number) {
  const [row] = await unitQuery(db)
    .where(
      and(eq(packedUnitFacts.orderId, orderId), eq(packedUnitFacts.id, unitId), sql`not ${packedUnitFacts.replaced}`),
    )
    .limit(1);
  return row;
}

/** A unit by id, whatever its order's state (the test report behind a verification code). */
export async function findUnitById(db: DbOrTx, unitId: number) {
  const [row] = await unitQuery(db).where(eq(packedUnitFacts.id, unitId)).limit(1);
  return row;
}
