import { and, asc, eq, inArray, max, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { FileOwner } from '../../platform/storage.js';
import { productFacts } from '../catalog/index.js';
import { lockOrder, orderLineFacts } from '../orders/index.js';
import { packingFiles, packingParcels, packingUnits } from './packing.tables.js';

export type PackingParcel = typeof packingParcels.$inferSelect;
export type PackingFile = typeof packingFiles.$inferSelect;
export type PackingUnit = typeof packingUnits.$inferSelect;

/** Storage folder of packing photos, videos and their previews. */
export const PACKING_FOLDER = 'packing';

/** One parcel with everything recorded on it; units include replaced ones, marked by `replacedBy`. */
export interface ParcelEvidence extends PackingParcel {
  files: PackingFile[];
  units: (PackingUnit & { replacedBy: number | null })[];
}

export interface PackingEvidence {
  parcels: ParcelEvidence[];
}

export async function packingEvidenceOf(db: DbOrTx, orderId: number): Promise<PackingEvidence> {
  const [parcels, files, units] = await Promise.all([
    db.select().from(packingParcels).where(eq(packingParcels.orderId, orderId)).orderBy(asc(packingParcels.position)),
    db.select().from(packingFiles).where(eq(packingFiles.orderId, orderId)).orderBy(asc(packingFiles.id)),
    db.select().from(packingUnits).where(eq(packingUnits.orderId, orderId)).orderBy(asc(packingUnits.id)),
  ]);
  const replacedBy = new Map(units.filter((u) => u.correctsUnitId !== null).map((u) => [u.correctsUnitId, u.id]));
  return {
    parcels: parcels.map((p) => ({
      ...p,
      files: files.filter((f) => f.parcelId === p.id),
      units: units.filter((u) => u.parcelId === p.id).map((u) => ({ ...u, replacedBy: replacedBy.get(u.id) ?? null })),
    })),
  };
}

/** Units in force on an order: those no correction has replaced. */
export async function currentUnitsOf(db: DbOrTx, orderId: number) {
  return db
    .select({
      id: packingUnits.id,
      orderLineId: packingUnits.orderLineId,
      parcelId: packingUnits.parcelId,
      serialNumber: packingUnits.serialNumber,
      burnInHashrate: packingUnits.burnInHashrate,
      burnInHashrateUnit: packingUnits.burnInHashrateUnit,
      burnInHours: packingUnits.burnInHours,
      burnInPassed: packingUnits.burnInPassed,
    })
    .from(packingUnits)
    .where(
      and(
        eq(packingUnits.orderId, orderId),
        // Spelled out: drizzle renders a column of the only table in the query unqualified.
        sql`not exists (select 1 from packing_units c where c.corrects_unit_id = packing_units.id)`,
      ),
    )
    .orderBy(asc(packingUnits.id));
}

/** The order's lines with the product kind that decides serials and burn-in. */
export async function packingLinesOf(db: DbOrTx, orderId: number) {
  return db
    .select({
      id: orderLineFacts.id,
      sku: orderLineFacts.sku,
      name: orderLineFacts.name,
      quantity: orderLineFacts.quantity,
      kind: productFacts.kind,
    })
    .from(orderLineFacts)
    .innerJoin(productFacts, eq(productFacts.id, orderLineFacts.productId))
    .where(eq(orderLineFacts.orderId, orderId))
    .orderBy(asc(orderLineFacts.id));
}
export type PackingLine = Awaited<ReturnType<typeof packingLinesOf>>[number];

/**
 * Locks the order row for the rest of the transaction and returns its current status:
 * evidence actions and shipping serialize on it, so completeness checked when shipping
 * cannot race a unit being recorded (PGlite has one connection and serializes anyway).
 */
export async function lockOrderStatus(tx: DbOrTx, orderId: number) {
  return (await lockOrder(tx, orderId)).status;
}

export async function findParcel(db: DbOrTx, orderId: number, parcelId: number) {
  const [row] = await db
    .select()
    .from(packingParcels)
    .where(and(eq(packingParcels.orderId, orderId), eq(packingParcels.id, parcelId)));
  return row;
}

export async function nextParcelPosition(tx: DbOrTx, orderId: number) {
  const [row] = await tx
    .select({ last: max(packingParcels.position) })
    .from(packingParcels)
    .where(eq(packingParcels.orderId, orderId));
  return (row?.last ?? 0) + 1;
}

export async function findPackingFile(db: DbOrTx, orderId: number, fileId: number) {
  const [row] = await db
    .select()
    .from(packingFiles)
    .where(and(eq(packingFiles.orderId, orderId), eq(packingFiles.id, fileId)));
  return row;
}

/** Counts per parcel for the completeness rule. */
export async function parcelCounts(tx: DbOrTx, orderId: number) {
  const parcels = await tx
    .select({
      sealCount: sql<number>`cardinality(${packingParcels.sealNumbers})::int`,
      // Qualified by hand, as in currentUnitsOf.
      fileCount: sql<number>`(select count(*)::int from packing_files f where f.parcel_id = packing_parcels.id)`,
    })
    .from(packingParcels)
    .where(eq(packingParcels.orderId, orderId));
  return parcels;
}

/** The orphan sweep asks which packing keys (originals or previews) still have a row. */
export const packingFileOwner: FileOwner = {
  folder: PACKING_FOLDER,
  async referenced(db, keys) {
    const rows = await db
      .select({ key: packingFiles.fileKey, preview: packingFiles.previewKey })
      .from(packingFiles)
      .where(or(inArray(packingFiles.fileKey, keys), inArray(packingFiles.previewKey, keys)));
    return rows.flatMap((r) => (r.preview ? [r.key, r.preview] : [r.key]));
  },
};
