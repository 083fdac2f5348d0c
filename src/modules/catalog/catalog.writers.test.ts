import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Storefront pages come from a per-process cache (catalog.cache.ts). A new write to
 * products or network figures must make its caller run `catalogChanged()` after the
 * commit; this list makes adding one a conscious step.
 */
const knownWriters = [
  'src/demo/seed-demo.ts', // at startup, before the app serves
  'src/modules/catalog/actions/add-product-image.ts', // product-admin.routes.tsx
  'src/modules/catalog/actions/save-network-figure.ts', // product-admin.routes.tsx
  'src/modules/catalog/actions/save-product.ts', // product-admin.routes.tsx
  // adjustStock: product-admin.routes.tsx; reserveOrderStock: submit-order via order.routes.tsx;
  // releaseOrderStock: cancel-order via order.routes.tsx, staff-order.routes.tsx, app.ts (sweep); seed.
  'src/modules/catalog/stock.repo.ts',
];

/** The one file that changes products.stock and writes (only inserts) the stock ledger. */
const stockLedgerFile = 'src/modules/catalog/stock.repo.ts';

const root = join(import.meta.dirname, '../../..');
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('catalog writers', () => {
  it('are only the known ones, each followed by a catalog cache invalidation', () => {
    // Query builder, raw SQL, and raw SQL naming the table through Drizzle (`update ${products}`).
    const writes =
      /\.(insert|update|delete)\(\s*(products|networkFigures)\s*\)|\b(update|insert\s+into|delete\s+from)\s+(products\b|\$\{(products|networkFigures)\})/;
    const found = sources(join(root, 'src'))
      .filter((f) => writes.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f).replaceAll('\\', '/'))
      .sort();
    expect(found).toEqual(knownWriters);
  });

  it('change stock only through the ledger, which nothing updates or deletes', () => {
    const files = sources(join(root, 'src')).map((f) => ({
      path: relative(root, f).replaceAll('\\', '/'),
      text: readFileSync(f, 'utf8'),
    }));
    // `stock = …` in SQL, `stock: …` in a Drizzle set/values (the demo data file only lists products to seed).
    const setsStock = /\bset\s+stock\s*=|[{,]\s*stock\s*:\s*(sql`|\d|[a-z])/i;
    const writesLedger =
      /\.insert\(\s*stockAdjustments\s*\)|insert\s+into\s+(stock_adjustments|\$\{stockAdjustments\})/;
    const changesLedger =
      /\.(update|delete)\(\s*stockAdjustments\s*\)|\b(update|delete\s+from)\s+(stock_adjustments|\$\{stockAdjustments\})/;
    const knownWriterFiles = knownWriters.filter((f) => f !== stockLedgerFile);
    expect(files.filter((f) => knownWriterFiles.includes(f.path) && setsStock.test(f.text)).map((f) => f.path)).toEqual(
      [],
    );
    expect(files.filter((f) => writesLedger.test(f.text)).map((f) => f.path)).toEqual([stockLedgerFile]);
    expect(files.filter((f) => changesLedger.test(f.text)).map((f) => f.path)).toEqual([]);
  });
});
