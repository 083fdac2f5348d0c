import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/account.tables.js';
import { orderLines, orders } from '../orders/order.tables.js';

/**
 * Packing evidence (DESIGN §4 "Evidence", §4b "Evidence and serials"), recorded per
 * parcel while the order is ready to ship. Rows are never updated or deleted: after
 * shipping, a correction is a new row carrying its reason.
 */
export const packingParcels = pgTable(
  'packing_parcels',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… within the order: "Parcel 2 of 3". */
    position: integer().notNull(),
    /** Tamper-evident seal numbers on this parcel. */
    sealNumbers: text().array().notNull().default(sql`'{}'::text[]`),
    /** Weights and outer dimensions for the customs papers (issue 19); optional, null = not recorded. */
    netWeightGrams: integer(),
    grossWeightGrams: integer(),
    lengthMm: integer(),
    widthMm: integer(),
    heightMm: integer(),
    recordedBy: integer()
      .notNull()
      .references(() => users.id),
    /** Set when the row was added after shipping. */
    correctionReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('packing_parcels_order_position_unique').on(t.orderId, t.position),
    check(
      'packing_parcels_measures_check',
      sql`(net_weight_grams is null or net_weight_grams > 0) and (gross_weight_grams is null or gross_weight_grams > 0) and (length_mm is null or length_mm > 0) and (width_mm is null or width_mm > 0) and (height_mm is null or height_mm > 0)`,
    ),
  ],
);

/** Photos and videos of a packed parcel. The original is kept for staff; buyers see `previewKey` (re-encoded) for photos. */
export const packingFiles = pgTable(
  'packing_files',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    parcelId: integer()
      .notNull()
      .references(() => packingParcels.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['photo', 'video'] }).notNull(),
    fileKey: text().notNull(),
    previewKey: text(),
    mimeType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    uploadedBy: integer()
      .notNull()
      .references(() => users.id),
    correctionReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('packing_files_order_idx').on(t.orderId, t.id),
    check('packing_files_kind_check', sql`kind in ('photo', 'video')`),
  ],
);

/**
 * One row per serial-numbered unit (miners, PSUs, hash boards), with the burn-in
 * result for miners. A correction after shipping is a new row pointing at the one it
 * replaces (`correctsUnitId`); the replaced row stays on record.
 */
export const packingUnits = pgTable(
  'packing_units',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    parcelId: integer()
      .notNull()
      .references(() => packingParcels.id, { onDelete: 'cascade' }),
    orderLineId: integer()
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    serialNumber: text().notNull(),
    burnInHashrate: doublePrecision(),
    burnInHashrateUnit: text(),
    burnInHours: doublePrecision(),
    burnInPassed: boolean(),
    correctsUnitId: integer(),
    recordedBy: integer()
      .notNull()
      .references(() => users.id),
    correctionReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('packing_units_order_idx').on(t.orderId, t.id),
    index('packing_units_serial_idx').on(t.serialNumber),
    // The public warranty check looks a serial up as `serialKey` normalizes it.
    index('packing_units_serial_key_idx').on(sql`upper(trim(serial_number))`),
    check(
      'packing_units_burn_in_check',
      sql`(burn_in_hours is null or burn_in_hours >= 0) and (burn_in_hashrate is null or burn_in_hashrate >= 0)`,
    ),
  ],
);
