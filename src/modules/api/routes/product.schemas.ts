import { z } from 'zod';
import { categorySlugs } from '../../../platform/categories.js';
import { centsToUsdInput, moneyCaps } from '../../../platform/money.js';
import {
  coolings,
  hashrateUnits,
  MAX_STOCK_ADJUSTMENT,
  networkHashrateUnits,
  type Product,
  productKinds,
  stockReasons,
} from '../../catalog/index.js';

const at = z.iso.datetime({ offset: true });
export const slugParams = z.strictObject({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(120),
});

export const productCard = z
  .object({
    id: z.int(),
    slug: z.string(),
    name: z.string(),
    brand: z.string(),
    kind: z.string(),
    priceCents: z.int(),
    stock: z.int(),
    backorderAllowed: z.boolean(),
    hashrate: z.number().nullable(),
    hashrateUnit: z.string().nullable(),
    powerW: z.int().nullable(),
    algorithm: z.string().nullable(),
    createdAt: at,
  })
  .meta({ id: 'ProductCard' });

export const productDetail = productCard
  .extend({
    sku: z.string(),
    model: z.string(),
    category: z.string(),
    description: z.string(),
    weightGrams: z.int(),
    warrantyDays: z.int(),
    needsTesting: z.boolean(),
  })
  .meta({ id: 'Product' });

type Card = Pick<Product, keyof z.infer<typeof productCard>>;
export const card = (p: Card) => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  brand: p.brand,
  kind: p.kind,
  priceCents: p.priceCents,
  stock: p.stock,
  backorderAllowed: p.backorderAllowed,
  hashrate: p.hashrate,
  hashrateUnit: p.hashrateUnit,
  powerW: p.powerW,
  algorithm: p.algorithm,
  createdAt: p.createdAt.toISOString(),
});

export const detailOf = (p: Product) => ({
  ...card(p),
  sku: p.sku,
  model: p.model,
  category: p.category,
  description: p.description,
  weightGrams: p.weightGrams,
  warrantyDays: p.warrantyDays,
  needsTesting: p.needsTesting,
});

const words = (min: number, max: number) => z.string().min(min).max(max);
const optionalWords = (max: number) => z.string().max(max).nullable().optional();
const size = z.int().positive().max(20_000).nullable().optional().describe('mm');

/**
 * A product as JSON (cents, numbers, booleans). The bounds are the document's; the back
 * office's product form, which this is turned into, stays the one set of rules (a 422 names
 * the field it refuses). Stock is not a field: it changes through the ledger only.
 */
export const productWrite = z.strictObject({
  name: words(2, 200),
  slug: slugParams.shape.slug,
  sku: words(2, 60),
  brand: words(1, 80),
  model: words(1, 120),
  category: z.enum(categorySlugs),
  kind: z.enum(productKinds),
  algorithm: optionalWords(60),
  coins: optionalWords(120),
  hashrate: z.number().positive().nullable().optional(),
  hashrateUnit: z.enum(hashrateUnits).nullable().optional(),
  powerW: z.int().positive().max(100_000).nullable().optional(),
  efficiency: z.number().positive().nullable().optional(),
  inputVoltage: optionalWords(80),
  cooling: z.enum(coolings).nullable().optional(),
  noiseDb: z.int().min(0).max(200).nullable().optional(),
  operatingTemp: optionalWords(60),
  priceCents: z.int().min(0).max(moneyCaps.price.cents).describe('US cents'),
  backorderAllowed: z.boolean().optional(),
  needsTesting: z.boolean().optional(),
  featured: z.boolean().optional(),
  weightGrams: z.int().positive().max(30_000_000),
  lengthMm: size,
  widthMm: size,
  heightMm: size,
  warrantyDays: z.int().min(0).max(3650),
  hsCode: z
    .string()
    .regex(/^(\d{4}(\.\d{2}){0,2})?$/)
    .optional()
    .describe('Empty: the category’s default'),
  originCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .describe('ISO code; absent: CN'),
  customsDescription: words(5, 300),
  description: z.string().max(5000).optional(),
});
export type ProductWrite = z.infer<typeof productWrite>;

export const productCreate = productWrite.extend({
  initialStock: z.int().min(0).max(MAX_STOCK_ADJUSTMENT).optional().describe('Units; the ledger’s first row'),
});
export const productPatch = productWrite.partial();

/** The product as its edit form holds it, so a PATCH changes only the fields it sends. */
export const writeOf = (p: Product): ProductWrite => ({
  name: p.name,
  slug: p.slug,
  sku: p.sku,
  brand: p.brand,
  model: p.model,
  category: p.category as ProductWrite['category'],
  kind: p.kind as ProductWrite['kind'],
  algorithm: p.algorithm,
  coins: p.coins,
  hashrate: p.hashrate,
  hashrateUnit: p.hashrateUnit as ProductWrite['hashrateUnit'],
  powerW: p.powerW,
  efficiency: p.efficiency,
  inputVoltage: p.inputVoltage,
  cooling: p.cooling as ProductWrite['cooling'],
  noiseDb: p.noiseDb,
  operatingTemp: p.operatingTemp,
  priceCents: p.priceCents,
  backorderAllowed: p.backorderAllowed,
  needsTesting: p.needsTesting,
  featured: p.featured,
  weightGrams: p.weightGrams,
  lengthMm: p.lengthMm,
  widthMm: p.widthMm,
  heightMm: p.heightMm,
  warrantyDays: p.warrantyDays,
  hsCode: p.hsCode,
  originCountry: p.originCountry,
  customsDescription: p.customsDescription,
  description: p.description,
});

/** JSON to the form's text values: cents as dollars, a ticked box as "on", null as empty. */
export function formValuesOf(json: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(json)) {
    if (k === 'priceCents') values.price = centsToUsdInput(v as number);
    else if (typeof v === 'boolean') values[k] = v ? 'on' : '';
    else values[k] = v === null || v === undefined ? '' : String(v);
  }
  return values;
}

export const stockAdjustmentBody = z.strictObject({
  delta: z.int().min(-MAX_STOCK_ADJUSTMENT).max(MAX_STOCK_ADJUSTMENT).describe('Units, + or −, never 0'),
  note: z.string().min(3).max(300).describe('Why (a count, a damaged unit, a return)'),
});

export const stockRow = z
  .object({
    id: z.int(),
    delta: z.int(),
    reason: z.enum(stockReasons),
    note: z.string().nullable(),
    orderNumber: z.string().nullable(),
    actorEmail: z.string().nullable(),
    createdAt: at,
  })
  .meta({ id: 'StockAdjustment' });

export const stockLedgerBody = z
  .object({
    stock: z.int(),
    items: z.array(stockRow).describe('Newest first, the latest 50'),
    total: z.int().describe('How many rows the ledger has (counted up to 10,000)'),
    more: z.boolean().describe('More than 10,000 rows'),
  })
  .meta({ id: 'StockLedger' });

export const networkFigure = z
  .object({
    algorithm: z.string(),
    coin: z.string(),
    networkHashrate: z.number().describe('Whole-network hashrate in H/s'),
    blockReward: z.number(),
    blockTimeSeconds: z.number(),
    coinPriceCents: z.int(),
    updatedAt: at,
  })
  .meta({ id: 'NetworkFigure' });

export const networkFigureParams = z.strictObject({ algorithm: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/) });
export const networkFigureBody = z.strictObject({
  coin: z.string().min(1).max(20),
  networkHashrate: z.number().positive(),
  networkHashrateUnit: z.enum(networkHashrateUnits),
  blockReward: z.number().positive(),
  blockTimeSeconds: z.number().positive(),
  coinPriceCents: z.int().min(0).max(moneyCaps.coin.cents).describe('US cents'),
});
