import type { ProductInput } from '../src/modules/catalog/index.js';
import type { Db } from '../src/platform/db/client.js';
import { paymentMethods, products } from '../src/platform/db/schema.js';

let n = 0;

/** Inserts a product with sensible defaults; tests override what they check. */
export async function insertProduct(db: Db, overrides: Partial<ProductInput> = {}) {
  n++;
  const [row] = await db
    .insert(products)
    .values({
      slug: `test-miner-${n}`,
      sku: `TST-${n}`,
      name: `Test Miner ${n}`,
      brand: 'Bitmain',
      model: `T${n}`,
      category: 'asic-miners',
      kind: 'miner',
      algorithm: 'SHA-256',
      coins: 'BTC',
      hashrate: 200,
      hashrateUnit: 'TH/s',
      powerW: 3500,
      efficiency: 17.5,
      priceCents: 300_000,
      stock: 10,
      weightGrams: 15_000,
      hsCode: '8471.50',
      customsDescription: 'Cryptocurrency mining computer (ASIC)',
      needsTesting: true,
      ...overrides,
    })
    .returning();
  return row!;
}

export async function insertPaymentMethod(db: Db, overrides: Partial<typeof paymentMethods.$inferInsert> = {}) {
  const [row] = await db
    .insert(paymentMethods)
    .values({
      name: 'Bank wire',
      instructions: 'Pay the total in USD.',
      accountDetails: 'IBAN XX00 1234',
      ...overrides,
    })
    .returning();
  return row!;
}
