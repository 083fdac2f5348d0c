import { and, asc, desc, eq, gt, gte, ilike, lte, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { CategorySlug } from '../../platform/categories.js';
import { cappedCount, oneRow } from '../../platform/db/capped-count.js';
import type { DbOrTx } from '../../platform/db/client.js';
import { readViews } from '../../platform/db/read-view.js';
import { networkFigures, products } from './catalog.tables.js';
import type { Product } from './product.types.js';

/**
 * "The product exists and `quantity` of it can be sold" (in stock, or on backorder), as a
 * condition for another module's statement: the cart checks it in the same statement that
 * writes the line, so two quick clicks can't pass it one after the other.
 */
export const canSell = (productId: SQLWrapper | number, quantity: SQLWrapper | number) =>
  sql`exists (select 1 from ${products} p where p.id = ${productId} and (p.backorder_allowed or p.stock >= ${quantity}))`;

/** What other modules join of a product (cart lines, order lines' kind and warranty): a read-only projection. */
export const productFacts = readViews
  .select({
    id: products.id,
    slug: products.slug,
    sku: products.sku,
    name: products.name,
    images: products.images,
    priceCents: products.priceCents,
    stock: products.stock,
    backorderAllowed: products.backorderAllowed,
    needsTesting: products.needsTesting,
    hsCode: products.hsCode,
    weightGrams: products.weightGrams,
    kind: products.kind,
    brand: products.brand,
    model: products.model,
    warrantyDays: products.warrantyDays,
    customsDescription: products.customsDescription,
    originCountry: products.originCountry,
  })
  .from(products)
  .as('product_facts');

export const sorts = ['newest', 'price_asc', 'price_desc', 'name'] as const;
export type Sort = (typeof sorts)[number];

export interface ListQuery {
  category?: CategorySlug;
  q?: string;
  brand?: string;
  algorithm?: string;
  minCents?: number;
  maxCents?: number;
  inStock?: boolean;
  sort: Sort;
  /** Keyset cursor: the sort value and id of the last product on the previous page. */
  after?: [string | number, number];
  limit: number;
}

export const cardColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  brand: products.brand,
  kind: products.kind,
  images: products.images,
  priceCents: products.priceCents,
  stock: products.stock,
  backorderAllowed: products.backorderAllowed,
  hashrate: products.hashrate,
  hashrateUnit: products.hashrateUnit,
  powerW: products.powerW,
  efficiency: products.efficiency,
  algorithm: products.algorithm,
  createdAt: products.createdAt,
};
export type ProductCard = Pick<Product, keyof typeof cardColumns>;

const sortSpec = {
  newest: { column: products.createdAt, dir: 'desc' },
  price_asc: { column: products.priceCents, dir: 'asc' },
  price_desc: { column: products.priceCents, dir: 'desc' },
  name: { column: products.name, dir: 'asc' },
} as const;

/** "s21 pro" -> 's21:* & pro:*' (prefix match on every word); null when nothing searchable is left. */
export function toPrefixQuery(q: string): string | null {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

function filters(q: Omit<ListQuery, 'sort' | 'after' | 'limit'>): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    q.category ? eq(products.category, q.category) : undefined,
    q.brand ? eq(products.brand, q.brand) : undefined,
    q.algorithm ? eq(products.algorithm, q.algorithm) : undefined,
    q.minCents !== undefined ? gte(products.priceCents, q.minCents) : undefined,
    q.maxCents !== undefined ? lte(products.priceCents, q.maxCents) : undefined,
    q.inStock ? gt(products.stock, 0) : undefined,
  ];
  const tsq = q.q ? toPrefixQuery(q.q) : null;
  if (q.q !== undefined) conds.push(tsq ? sql`${products.search} @@ to_tsquery('simple', ${tsq})` : sql`false`);
  return and(...conds);
}

/** One page of products, keyset-paginated (no OFFSET), plus whether another page follows. */
export async function listProducts(db: DbOrTx, q: ListQuery) {
  const spec = sortSpec[q.sort];
  const order = spec.dir === 'asc' ? [asc(spec.column), asc(products.id)] : [desc(spec.column), desc(products.id)];
  let keyset: SQL | undefined;
  if (q.after) {
    const [value, id] = q.after;
    const v = spec.column === products.createdAt ? sql`${String(value)}::timestamptz` : sql`${value}`;
    keyset =
      spec.dir === 'asc'
        ? sql`(${spec.column}, ${products.id}) > (${v}, ${id})`
        : sql`(${spec.column}, ${products.id}) < (${v}, ${id})`;
  }
  const rows = (await db
    .select(cardColumns)
    .from(products)
    .where(and(filters(q), keyset))
    .orderBy(...order)
    .limit(q.limit + 1)) as ProductCard[];
  const hasMore = rows.length > q.limit;
  const items = hasMore ? rows.slice(0, q.limit) : rows;
  const last = items.at(-1);
  const next: [string | number, number] | undefined =
    hasMore && last
      ? [q.sort === 'newest' ? last.createdAt.toISOString() : q.sort === 'name' ? last.name : last.priceCents, last.id]
      : undefined;
  return { items, next };
}

/** Matching products, counted only up to a cap so a page view never counts a whole large table. */
export async function countProductsCapped(db: DbOrTx, q: Omit<ListQuery, 'sort' | 'after' | 'limit'>, cap: number) {
  const [row] = await db.select({ n: cappedCount(products, filters(q), cap) }).from(oneRow);
  return row?.n ?? 0;
}

/**
 * Brands and algorithms present in a category, for its filters. A plain DISTINCT reads
 * every product of the category (130 ms at 50,000 miners, on every listing view); this
 * walks the (category, brand, algorithm) index instead, one probe per distinct pair:
 * the next algorithm of the same brand, else the first pair of the next brand.
 * NULL algorithms sort last within a brand, so they end that brand's walk.
 */
export async function categoryFacets(db: DbOrTx, category: CategorySlug) {
  const result = await db.execute(sql`
    with recursive f(brand, algorithm) as (
      (select brand, algorithm from ${products} where category = ${category} order by brand, algorithm limit 1)
      union all
      select n.brand, n.algorithm from f, lateral (
        (select f.brand as brand, p.algorithm from ${products} p
          where p.category = ${category} and p.brand = f.brand and p.algorithm > f.algorithm
          order by p.algorithm limit 1)
        union all
        (select p.brand, p.algorithm from ${products} p
          where p.category = ${category} and p.brand > f.brand
          order by p.brand, p.algorithm limit 1)
        limit 1
      ) n
    )
    select brand, algorithm from f`);
  const rows = (result as unknown as { rows: { brand: string; algorithm: string | null }[] }).rows;
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();
  return { brands: uniq(rows.map((r) => r.brand)), algorithms: uniq(rows.map((r) => r.algorithm)) };
}

export async function findProductBySlug(db: DbOrTx, slug: string) {
  const [row] = await db.select().from(products).where(eq(products.slug, slug));
  return row;
}

export async function findProductById(db: DbOrTx, id: number) {
  const [row] = await db.select().from(products).where(eq(products.id, id));
  return row;
}

/** The product page's data in one round trip: the product and its algorithm's network figure, if any. */
export async function findProductPage(db: DbOrTx, slug: string) {
  const [row] = await db
    .select({ p: products, network: networkFigures })
    .from(products)
    .leftJoin(networkFigures, eq(networkFigures.algorithm, products.algorithm))
    .where(eq(products.slug, slug));
  return row && { p: row.p, network: row.network ?? undefined };
}

export async function listNetworkFigures(db: DbOrTx) {
  return db.select().from(networkFigures).orderBy(asc(networkFigures.algorithm));
}

export async function homeProducts(db: DbOrTx) {
  const [featured, newest] = await Promise.all([
    db.select(cardColumns).from(products).where(eq(products.featured, true)).orderBy(desc(products.createdAt)).limit(8),
    db.select(cardColumns).from(products).orderBy(desc(products.createdAt), desc(products.id)).limit(8),
  ]);
  return { featured: featured as ProductCard[], newest: newest as ProductCard[] };
}

/** Back-office list: newest first, optionally narrowed by name or SKU. */
export async function adminProductList(db: DbOrTx, q: string) {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select()
    .from(products)
    .where(q ? or(ilike(products.name, like), ilike(products.sku, like)) : undefined)
    .orderBy(desc(products.createdAt))
    .limit(200);
}

/** One page of public products for the sitemap, by id: slug, category and last change. */
export async function sitemapProducts(db: DbOrTx, page: { offset: number; limit: number }) {
  return db
    .select({ slug: products.slug, category: products.category, updatedAt: products.updatedAt })
    .from(products)
    .orderBy(asc(products.id))
    .offset(page.offset)
    .limit(page.limit);
}

export async function countProducts(db: DbOrTx) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(products);
  return row?.n ?? 0;
}

/** Each category's last product change (sitemap lastmod of the listing). */
export async function categoryDates(db: DbOrTx) {
  return db
    .select({
      category: products.category,
      updatedAt: sql<Date>`max(${products.updatedAt})`.mapWith(products.updatedAt),
    })
    .from(products)
    .groupBy(products.category);
}
