/** Catalog: categories, products, search, product pages and the profitability estimate. */

export { type CatalogCache, createCatalogCache } from './catalog.cache.js';
export { findProductById, findProductBySlug, listNetworkFigures } from './catalog.repo.js';
export { catalogRoutes } from './catalog.routes.js';
export { networkFigures, products } from './catalog.tables.js';
export { categories } from './categories.js';
export type { Product, ProductInput } from './product.types.js';
export { productAdminRoutes } from './product-admin.routes.js';
export { productImageFiles } from './product-image.files.js';
export { DEFAULT_KWH_CENTS, ProductPage } from './views/product-page.js';
