/** Catalog: categories, products, search, product pages and the profitability estimate. */

export { categories } from '../../platform/categories.js';
/**
 * The back office's catalog writes, for the API: the same actions and the same form rules
 * (the API turns its JSON into the form's values, so a product passes one set of rules).
 */
export { adjustProductStock } from './actions/adjust-product-stock.js';
export { saveNetworkFigure } from './actions/save-network-figure.js';
export { createProduct, updateProduct } from './actions/save-product.js';
export { CATALOG_TOPIC, type CatalogCache, createCatalogCache } from './catalog.cache.js';
/** The storefront listing's pieces the API lists products with (same cache, same keyset cursor). */
export {
  decodeCursor,
  encodeCursor,
  networkFigureForm,
  newProductForm,
  productForm,
  stockAdjustmentForm,
} from './catalog.inputs.js';
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
export { coolings, hashrateUnits, networkHashrateUnits, type ProductKind, productKinds } from './product.rules.js';
export type { Product, ProductInput } from './product.types.js';
export { productAdminRoutes } from './product-admin.routes.js';
export { productImageFiles } from './product-image.files.js';
/**
 * Stock changes only through these, each one statement that changes products.stock and
 * writes its ledger row, in the caller's transaction, whose outcome declares `catalogChanged`.
 */
export {
  recordInitialStock,
  releaseOrderStock,
  reserveOrderStock,
  reserveOrderStockSql,
  type StockLine,
  stockLedger,
} from './stock.repo.js';
export { MAX_STOCK_ADJUSTMENT, stockReasons } from './stock.rules.js';
export { DEFAULT_KWH_CENTS, ProductPage } from './views/product-page.js';
