import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { categorySlugs } from '../../platform/categories.js';
import { users } from '../accounts/account.tables.js';
import { coolings, hashrateUnits, productKinds } from './product.rules.js';
import { stockReasons } from './stock.rules.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

export const products = pgTable(
  'products',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique(),
    sku: text().notNull().unique(),
    name: text().notNull(),
    brand: text().notNull(),
    model: text().notNull(),
    category: text({ enum: categorySlugs }).notNull(),
    kind: text({ enum: productKinds }).notNull(),
    algorithm: text(),
    coins: text(),
    hashrate: doublePrecision(),
    hashrateUnit: text({ enum: hashrateUnits }),
    powerW: integer(),
    /** Joules per unit of hashrate (J/TH for TH/s miners, J/GH for GH/s, …). */
    efficiency: doublePrecision(),
    inputVoltage: text(),
    cooling: text({ enum: coolings }),
    noiseDb: integer(),
    operatingTemp: text(),
    priceCents: integer().notNull(),
    stock: integer().notNull().default(0),
    backorderAllowed: boolean().notNull().default(false),
    needsTesting: boolean().notNull().default(false),
    weightGrams: integer().notNull(),
    lengthMm: integer(),
    widthMm: integer(),
    heightMm: integer(),
    warrantyDays: integer().notNull().default(180),
    hsCode: text().notNull(),
    customsDescription: text().notNull(),
    /** ISO country code of manufacture, printed on the customs papers. */
    originCountry: text().notNull().default('CN'),
    /** Public image URLs, first one is the main picture. */
    images: text().array().notNull().default(sql`'{}'::text[]`),
    description: text().notNull().default(''),
    featured: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    search: tsvector().generatedAlwaysAs(
      sql`to_tsvector('simple', name || ' ' || brand || ' ' || model || ' ' || sku || ' ' || coalesce(algorithm, '') || ' ' || coalesce(coins, ''))`,
    ),
  },
  (t) => [
    check('products_price_check', sql`price_cents >= 0`),
    check('products_stock_check', sql`stock >= 0`),
    check('products_category_check', oneOf('category', categorySlugs)),
    check('products_kind_check', oneOf('kind', productKinds)),
    index('products_category_price_idx').on(t.category, t.priceCents, t.id),
    index('products_category_created_idx').on(t.category, t.createdAt, t.id),
    index('products_category_name_idx').on(t.category, t.name, t.id),
    index('products_category_brand_idx').on(t.category, t.brand, t.algorithm),
    index('products_featured_idx').on(t.featured, t.createdAt),
    index('products_created_idx').on(t.createdAt, t.id),
    index('products_search_idx').using('gin', t.search),
  ],
);

/** Network figures per algorithm, kept by staff, for the profitability estimate. */
export const networkFigures = pgTable('network_figures', {
  algorithm: text().primaryKey(),
  coin: text().notNull(),
  /** Whole-network hashrate in H/s. */
  networkHashrate: doublePrecision().notNull(),
  blockReward: doublePrecision().notNull(),
  blockTimeSeconds: doublePrecision().notNull(),
  coinPriceCents: integer().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * The stock ledger: every change of products.stock is one row here, written by the same
 * statement that changes the column (stock.repo.ts), so the column is the sum of its rows.
 * Append-only: nothing updates or deletes it (catalog.writers.test.ts).
 */
export const stockAdjustments = pgTable(
  'stock_adjustments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    productId: integer()
      .notNull()
      .references(() => products.id),
    delta: integer().notNull(),
    reason: text({ enum: stockReasons }).notNull(),
    note: text(),
    /** The order that reserved or released the units; orders are numbered, and the number is what staff look up. */
    orderNumber: text(),
    /** Who made the change; null for the system (the payment-deadline sweep, the demo seed). */
    actorId: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('stock_adjustments_delta_check', sql`delta <> 0`),
    check('stock_adjustments_reason_check', oneOf('reason', stockReasons)),
    index('stock_adjustments_product_idx').on(t.productId, t.id),
  ],
);
