import type { CategorySlug } from '../../platform/categories.js';
import type { DbOrTx } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events.js';
import type { PageStore } from '../../platform/http/visitor-page.js';
import { createReadCache } from '../../platform/read-cache.js';
import {
  categoryFacets,
  countProductsCapped,
  findProductPage,
  homeProducts,
  type ListQuery,
  listProducts,
} from './catalog.repo.js';

/** Bus topic meaning "products, stock or network figures changed": every process drops its catalog cache. */
export const CATALOG_TOPIC = 'catalog';

/**
 * Storefront reads (home, listing pages, counts, facets, product pages) cached in each
 * process, and the pages built from them as a visitor who is not logged in sees them
 * (ADR 0010): a page holds nothing of the catalog that the results do not.
 *
 * Invalidation: whoever commits a write to products (price, images, stock) or network
 * figures calls `changed()` after the commit. It clears this process's cache at once (so
 * the next page view here reads the new data) and publishes CATALOG_TOPIC, which reaches
 * every process through the EventBus (LISTEN/NOTIFY on PostgreSQL). The TTL is the safety
 * net for a notification that never arrives (e.g. a dropped LISTEN connection) or a writer
 * outside the app (psql): no entry outlives it.
 */
export interface CatalogCache {
  home(): ReturnType<typeof homeProducts>;
  page(q: ListQuery): ReturnType<typeof listProducts>;
  count(q: ListQuery, cap: number): Promise<number>;
  facets(category: CategorySlug): ReturnType<typeof categoryFacets>;
  /** The product and its network figure; undefined (also cached) for an unknown slug. */
  product(slug: string): ReturnType<typeof findProductPage>;
  /** Whole storefront pages as visitors see them (see platform/http/visitor-page.ts). */
  visitorPage: PageStore;
  changed(): Promise<void>;
  /** This process only, without telling the others (tests measure a cold cache with it). */
  clear(): void;
}

export interface CatalogCacheOptions {
  /** Entries across all kinds; a listing entry (24 cards) is ~25 KB, a page ~20 KB, so 500 stay under ~15 MB. */
  max?: number;
  ttlMs?: number;
  onPublishError?: (err: unknown) => void;
}

export function createCatalogCache(db: DbOrTx, bus: EventBus, opts: CatalogCacheOptions = {}): CatalogCache {
  const cache = createReadCache({ max: opts.max ?? 500, ttlMs: opts.ttlMs ?? 5_000 });
  bus.subscribe(CATALOG_TOPIC, () => cache.clear());
  return {
    home: () => cache.get('home', () => homeProducts(db)),
    // Keys are built from the normalized query object (fixed property order, undefined dropped).
    page: (q) => cache.get(`page:${JSON.stringify(q)}`, () => listProducts(db, q)),
    count: (q, cap) => {
      const { sort: _s, after: _a, limit: _l, ...filters } = q;
      return cache.get(`count:${cap}:${JSON.stringify(filters)}`, () => countProductsCapped(db, filters, cap));
    },
    facets: (category) => cache.get(`facets:${category}`, () => categoryFacets(db, category)),
    product: (slug) => cache.get(`product:${slug}`, () => findProductPage(db, slug)),
    visitorPage: (key, render) => cache.get(`html:${key}`, render),
    async changed() {
      cache.clear();
      // The write is committed: a failed publish must not fail the request; the TTL bounds the staleness elsewhere.
      await bus.publish(CATALOG_TOPIC).catch((err) => opts.onPublishError?.(err));
    },
    clear: () => cache.clear(),
  };
}
