import type { PageContext } from '../../../platform/http/page-context.js';
import { SelectField } from '../../../platform/views/form.js';
import { Layout } from '../../../platform/views/layout.js';
import type { Seo } from '../../../platform/views/seo-head.js';
import { type ProductCard, type Sort, sorts } from '../catalog.repo.js';
import { ProductGrid } from './product-card.js';

export interface ListingView {
  /** HTML text (from ctx.t, which escapes parameters). */
  title: string;
  action: string;
  params: Record<string, string>;
  facets?: { brands: string[]; algorithms: string[] };
  items: ProductCard[];
  count: number;
  countCap: number;
  nextCursor?: string;
  page: number;
  /** What search engines get: a category's description; a search result is never indexed. */
  seo?: Seo;
}

const sortLabel = {
  newest: 'listing.sortNewest',
  price_asc: 'listing.sortPriceAsc',
  price_desc: 'listing.sortPriceDesc',
  name: 'listing.sortName',
} as const satisfies Record<Sort, string>;

export function ListingPage({ ctx, v }: { ctx: PageContext; v: ListingView }) {
  const { t } = ctx;
  const p = v.params;
  const link = (extra: Record<string, string>) => {
    const q = new URLSearchParams({ ...p, ...extra });
    for (const [k, val] of [...q]) if (!val) q.delete(k);
    return `${ctx.href(v.action)}?${q}`;
  };
  // Filters, sorting and pages are one page to a search engine: the canonical drops the query; an empty one is not indexed.
  const seo: Seo = { ...v.seo, canonical: v.action, noindex: v.seo?.noindex || v.items.length === 0 };
  return (
    <Layout ctx={ctx} title={v.title} seo={seo}>
      <h1>{v.title}</h1>
      <div class="listing">
        <form class="filters card" method="get" action={ctx.href(v.action)} aria-label={t('listing.filters')}>
          {p.q !== undefined && <input type="hidden" name="q" value={p.q} />}
          {v.facets && (
            <>
              <SelectField
                ctx={ctx}
                name="brand"
                label={t('listing.brand')}
                placeholder={t('listing.any')}
                options={v.facets.brands.map((b) => ({ value: b, label: b }))}
                value={p.brand}
              />
              <SelectField
                ctx={ctx}
                name="algorithm"
                label={t('listing.algorithm')}
                placeholder={t('listing.any')}
                options={v.facets.algorithms.map((a) => ({ value: a, label: a }))}
                value={p.algorithm}
              />
            </>
          )}
          <fieldset class="price-range">
            <legend>{t('listing.priceRange')}</legend>
            <label for="f-min">{t('listing.minPrice')}</label>
            <input id="f-min" name="min" type="number" min="0" step="1" inputmode="numeric" value={p.min} />
            <label for="f-max">{t('listing.maxPrice')}</label>
            <input id="f-max" name="max" type="number" min="0" step="1" inputmode="numeric" value={p.max} />
          </fieldset>
          <div class="field checkbox">
            <input id="f-stock" name="stock" type="checkbox" value="1" checked={p.stock === '1'} />
            <label for="f-stock">{t('listing.inStockOnly')}</label>
          </div>
          <div class="field">
            <label for="f-sort">{t('listing.sort')}</label>
            <select id="f-sort" name="sort">
              {sorts.map((s) => (
                <option value={s} selected={s === (p.sort ?? 'newest')}>
                  {t(sortLabel[s])}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="primary">
            {t('listing.apply')}
          </button>
        </form>
        <section class="results" aria-live="polite">
          <p class="result-count">
            {v.count > v.countCap
              ? t('listing.countMany', { n: ctx.i18n.number(v.countCap) })
              : t('listing.count', { n: ctx.i18n.number(v.count) })}
            {v.page > 1 && ` · ${t('listing.page', { n: v.page })}`}
          </p>
          {v.items.length ? <ProductGrid ctx={ctx} items={v.items} /> : <p class="empty">{t('listing.empty')}</p>}
          <nav class="pager" aria-label={t('listing.pages')}>
            {v.page > 1 && <a href={link({ after: '', page: '' })}>{t('listing.firstPage')}</a>}
            {v.nextCursor && (
              <a href={link({ after: v.nextCursor, page: String(v.page + 1) })} rel="next" class="button">
                {t('listing.nextPage')}
              </a>
            )}
          </nav>
        </section>
      </div>
    </Layout>
  );
}
