/** Catalog: categories, products, search, product pages and the profitability estimate. */

export { categories } from '../../platform/categories.js';
export { CATALOG_TOPIC, type CatalogCache, createCatalogCache } from './catalog.cache.js';
/** The storefront listing's pieces the API lists products with (same cache, same keyset cursor). */
export { decodeCursor, encodeCursor } from './catalog.inputs.js';
export {
  canSell,
  categoryDates,
  countProducts,
  findProductById,
  findProductBySlug,
  type ListQuery as ProductListQuery,
  listNetworkFigures,
  productFacts,
  /** Public products page by page (sitemap): slug, category, updatedAt. */
  sitemapProducts,
  sorts as productSorts,
} from './catalog.repo.js';
export { catalogRoutes, PAGE_SIZE as PRODUCT_PAGE_SIZE } from './catalog.routes.js';
export { hashrateUnits, type ProductKind } from './product.rules.js';
export type { Product, ProductInput } from './product.types.js';
export { productAdminRoutes } from './product-admin.routes.js';
export { productImageFiles } from './product-image.files.js';
/**
 * Stock changes only through these, each one statement that changes products.stock and
 * writes its ledger row, in the caller's transaction, whose outcome declares `catalogChanged`.
 */
export { recordInitialStock, releaseOrderStock, reserveOrderStock, type StockLine } from './stock.repo.js';
export { DEFAULT_KWH_CENTS, ProductPage } from './views/product-page.js';
