/** Catalog: categories, products, search, product pages and the profitability estimate. */
export { catalogRoutes } from './catalog.routes.js';
export { type CatalogCache, createCatalogCache } from './catalog.cache.js';
export { productAdminRoutes } from './product-admin.routes.js';
export { products, networkFigures } from './catalog.tables.js';
export { findProductById, findProductBySlug, listNetworkFigures } from './catalog.repo.js';
export { ProductPage, DEFAULT_KWH_CENTS } from './views/product-page.js';
export type { Product, ProductInput } from './product.types.js';
export { categories } from './categories.js';
export { productImageFiles } from './product-image.files.js';
