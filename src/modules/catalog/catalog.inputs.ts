import { z } from 'zod';
import { categorySlugs } from '../../platform/categories.js';
import { usdField } from '../../platform/money.js';
import { sorts } from './catalog.repo.js';
import { coolings, hashrateUnits, networkHashrateUnits, productKinds, toHashesPerSecond } from './product.rules.js';
import { MAX_STOCK_ADJUSTMENT } from './stock.rules.js';

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().max(100).optional());
const dollars = z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(100_000_000).optional());

/** Keyset cursor in the URL: base64url JSON of [sortValue, id]. Anything else is ignored. */
export function decodeCursor(v: string | undefined): [string | number, number] | undefined {
  if (!v) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(v, 'base64url').toString());
    const ok =
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      ['string', 'number'].includes(typeof parsed[0]) &&
      Number.isInteger(parsed[1]);
    return ok ? (parsed as [string | number, number]) : undefined;
  } catch {
    return undefined;
  }
}
const cursor = z.preprocess(blankToUndefined, z.string().max(200).optional()).transform(decodeCursor);

export const encodeCursor = (c: [string | number, number]) => Buffer.from(JSON.stringify(c)).toString('base64url');

/** Listing filters from the query string; bad values fall back to "no filter" rather than an error page. */
export const listingQuery = z.object({
  q: z.preprocess((v) => (typeof v === 'string' ? v.trim().slice(0, 100) : undefined), z.string().optional()),
  brand: optionalText.catch(undefined),
  algorithm: optionalText.catch(undefined),
  min: dollars.catch(undefined),
  max: dollars.catch(undefined),
  stock: z.literal('1').optional().catch(undefined),
  sort: z.enum(sorts).default('newest').catch('newest'),
  after: cursor.catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type ListingQuery = z.infer<typeof listingQuery>;

export const kwhQuery = z.object({
  kwh: z.coerce.number().min(0).max(100).optional().catch(undefined),
});

const optionalNumber = (schema: z.ZodNumber) =>
  z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().pipe(schema).nullable());
const optionalString = (max = 200) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z.string().trim().max(max).nullable().default(null),
  );
// Bounds far past any product (a 40 ft container is 12 m and 30 t), so a typo is refused with
// a message instead of overflowing a 32-bit column.
const MAX_WEIGHT_GRAMS = 30_000_000;
const MAX_SIZE_MM = 20_000;
const MAX_POWER_W = 100_000;
const sizeMm = z.number().int().positive().max(MAX_SIZE_MM, { message: 'field.sizeTooLarge' });
const checkbox = z.preprocess((v) => v === 'on' || v === '1' || v === 'true', z.boolean());

/**
 * The back-office product form. Prices arrive in dollars and are stored in cents. It has no
 * stock: a form opened before an order would write back the stock it showed (stock changes
 * only through the ledger, see stockAdjustmentForm).
 */
export const productForm = z.object({
  name: z.string().trim().min(2, { message: 'field.required' }).max(200),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'field.slugInvalid' })
    .max(120),
  sku: z.string().trim().min(2, { message: 'field.required' }).max(60),
  brand: z.string().trim().min(1, { message: 'field.required' }).max(80),
  model: z.string().trim().min(1, { message: 'field.required' }).max(120),
  category: z.enum(categorySlugs, { message: 'field.invalid' }),
  kind: z.enum(productKinds, { message: 'field.invalid' }),
  algorithm: optionalString(60),
  coins: optionalString(120),
  hashrate: optionalNumber(z.number().positive({ message: 'field.positive' })),
  hashrateUnit: z.preprocess((v) => (v === '' ? null : v), z.enum(hashrateUnits).nullable().default(null)),
  powerW: optionalNumber(
    z.number().int().positive({ message: 'field.positive' }).max(MAX_POWER_W, { message: 'field.powerTooLarge' }),
  ),
  efficiency: optionalNumber(z.number().positive({ message: 'field.positive' })),
  inputVoltage: optionalString(80),
  cooling: z.preprocess((v) => (v === '' ? null : v), z.enum(coolings).nullable().default(null)),
  noiseDb: optionalNumber(z.number().int().min(0).max(200, { message: 'field.noiseTooLarge' })),
  operatingTemp: optionalString(60),
  price: usdField('price'),
  backorderAllowed: checkbox,
  needsTesting: checkbox,
  featured: checkbox,
  weightGrams: z.coerce
    .number({ message: 'field.invalid' })
    .int()
    .positive({ message: 'field.positive' })
    .max(MAX_WEIGHT_GRAMS, { message: 'field.weightTooLarge' }),
  lengthMm: optionalNumber(sizeMm),
  widthMm: optionalNumber(sizeMm),
  heightMm: optionalNumber(sizeMm),
  warrantyDays: z.coerce.number({ message: 'field.invalid' }).int().min(0).max(3650),
  /** Empty takes the category's default (`defaultHsCode`). */
  hsCode: z
    .string()
    .trim()
    .regex(/^(\d{4}(\.\d{2}){0,2})?$/, { message: 'field.hsCodeInvalid' })
    .default(''),
  /** ISO code of the country of manufacture; empty is China, where nearly all this hardware is made. */
  originCountry: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toUpperCase() || 'CN' : (v ?? 'CN')),
    z.string().regex(/^[A-Z]{2}$/, { message: 'field.countryInvalid' }),
  ),
  customsDescription: z.string().trim().min(5, { message: 'field.required' }).max(300),
  description: z.string().trim().max(5000).default(''),
});

export type ProductFormData = z.infer<typeof productForm>;

const wholeUnits = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().replace(/^\+/, '') : v),
    z.coerce
      .number({ message: 'field.invalid' })
      .int({ message: 'stock.wholeUnits' })
      .min(min, { message: min === 0 ? 'stock.wholeUnits' : 'stock.deltaRange' })
      .max(max, { message: min === 0 ? 'stock.initialRange' : 'stock.deltaRange' }),
  );

/** A new product's form: the product, and the stock it starts with (its ledger's `initial` row). */
export const newProductForm = productForm.extend({
  initialStock: z.preprocess((v) => (v === '' || v === undefined ? 0 : v), wholeUnits(0, MAX_STOCK_ADJUSTMENT)),
});

export type NewProductFormData = z.infer<typeof newProductForm>;

/**
 * "Adjust stock": a signed number of units and why. Strict, since a stock change is money:
 * a posted `reason`, `stock` or `orderNumber` is refused rather than dropped.
 */
export const stockAdjustmentForm = z.strictObject({
  _csrf: z.string().optional(),
  delta: wholeUnits(-MAX_STOCK_ADJUSTMENT, MAX_STOCK_ADJUSTMENT).refine((d) => d !== 0, { message: 'stock.deltaZero' }),
  note: z.string().trim().min(3, { message: 'stock.noteRequired' }).max(300, { message: 'field.tooLong' }),
});

export type StockAdjustmentData = z.infer<typeof stockAdjustmentForm>;

/** The network hashrate is typed in a unit (EH/s for Bitcoin) and stored in hashes per second. */
export const networkFigureForm = z
  .object({
    algorithm: z.string().trim().min(1).max(60),
    coin: z.string().trim().min(1, { message: 'field.required' }).max(20),
    networkHashrate: z.coerce.number({ message: 'field.invalid' }).positive({ message: 'field.positive' }),
    networkHashrateUnit: z.enum(networkHashrateUnits, { message: 'field.invalid' }),
    blockReward: z.coerce.number({ message: 'field.invalid' }).positive({ message: 'field.positive' }),
    blockTimeSeconds: z.coerce.number({ message: 'field.invalid' }).positive({ message: 'field.positive' }),
    coinPrice: usdField('coin'),
  })
  .transform(({ networkHashrateUnit, ...f }) => ({
    ...f,
    networkHashrate: toHashesPerSecond(f.networkHashrate, networkHashrateUnit),
  }));
