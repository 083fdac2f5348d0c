import { sql } from 'drizzle-orm';
import { readViews } from '../../platform/db/read-view.js';
import { packingFiles, packingParcels, packingUnits } from './packing.tables.js';

/**
 * What other modules join of the packing record (the warranty check, unit test reports,
 * customs papers): read-only projections. `serialKey` is `serialKey()` in SQL (indexed);
 * `replaced` tells a unit a correction superseded.
 */
export const packedUnitFacts = readViews
  .select({
    id: packingUnits.id,
    orderId: packingUnits.orderId,
    parcelId: packingUnits.parcelId,
    orderLineId: packingUnits.orderLineId,
    serialNumber: packingUnits.serialNumber,
    serialKey: sql<string>`upper(trim(${packingUnits.serialNumber}))`.as('serial_key'),
    burnInHashrate: packingUnits.burnInHashrate,
    burnInHashrateUnit: packingUnits.burnInHashrateUnit,
    burnInHours: packingUnits.burnInHours,
    burnInPassed: packingUnits.burnInPassed,
    recordedBy: packingUnits.recordedBy,
    createdAt: packingUnits.createdAt,
    // Qualified by hand: drizzle renders a column of the only table unqualified (packing.repo.ts).
    replaced: sql<boolean>`exists (select 1 from packing_units c where c.corrects_unit_id = packing_units.id)`.as(
      'replaced',
    ),
  })
  .from(packingUnits)
  .as('packed_unit_facts');

export const packedParcelFacts = readViews
  .select({
    id: packingParcels.id,
    orderId: packingParcels.orderId,
    position: packingParcels.position,
    sealNumbers: packingParcels.sealNumbers,
    netWeightGrams: packingParcels.netWeightGrams,
    grossWeightGrams: packingParcels.grossWeightGrams,
    lengthMm: packingParcels.lengthMm,
    widthMm: packingParcels.widthMm,
    heightMm: packingParcels.heightMm,
  })
  .from(packingParcels)
  .as('packed_parcel_facts');

/** Packing photos and videos by reference only (id, kind, digest): never the file itself. */
export const packingFileFacts = readViews
  .select({
    id: packingFiles.id,
    orderId: packingFiles.orderId,
    parcelId: packingFiles.parcelId,
    kind: packingFiles.kind,
    sha256: packingFiles.sha256,
  })
  .from(packingFiles)
  .as('packing_file_facts');
