import type { PageContext } from '../../../platform/http/page-context.js';
import type { ProductCard as Card } from '../catalog.repo.js';
import { efficiencyUnit } from '../product.rules.js';

export function StockBadge({
  ctx,
  stock,
  backorderAllowed,
}: {
  ctx: PageContext;
  stock: number;
  backorderAllowed: boolean;
}) {
  if (stock > 0) return <span class="badge done">{ctx.t('product.inStock', { n: stock })}</span>;
  if (backorderAllowed) return <span class="badge staff">{ctx.t('product.backorder')}</span>;
  return <span class="badge muted">{ctx.t('product.outOfStock')}</span>;
}

export function KeySpecs({ ctx, p }: { ctx: PageContext; p: Card }) {
  if (p.hashrate == null || !p.hashrateUnit) return '';
  return (
    <p class="key-specs num">
      {`${ctx.i18n.number(p.hashrate, 2)} ${p.hashrateUnit}`}
      {p.powerW != null && ` · ${ctx.i18n.number(p.powerW)} W`}
      {p.efficiency != null && ` · ${ctx.i18n.number(p.efficiency, 1)} ${efficiencyUnit(p.hashrateUnit)}`}
    </p>
  );
}

export function ProductCard({ ctx, p }: { ctx: PageContext; p: Card }) {
  return (
    <li class="product-card">
      <a href={ctx.href(`/products/${p.slug}`)} class="card-link">
        <img src={p.images[0] ?? '/assets/products/accessory.svg'} alt="" width="400" height="300" loading="lazy" />
        <span class="brand-line" safe>
          {p.brand}
        </span>
        <span class="name" safe>
          {p.name}
        </span>
      </a>
      <KeySpecs ctx={ctx} p={p} />
      <p class="price-line">
        <span class="price num">{ctx.i18n.money(p.priceCents)}</span>
        <StockBadge ctx={ctx} stock={p.stock} backorderAllowed={p.backorderAllowed} />
      </p>
    </li>
  );
}

/**
 * The grid's HTML, kept per card list and locale. The lists come from the catalog read
 * cache (ADR 7): the same array is the same data, a cleared cache hands out new arrays,
 * and the old HTML goes with the old arrays. Nothing in a card depends on the visitor but
 * the locale. Rendering the 24 cards was most of a listing page's cost (#7).
 */
const rendered = new WeakMap<Card[], Map<string, JSX.Element>>();

export function ProductGrid({ ctx, items }: { ctx: PageContext; items: Card[] }) {
  let byLocale = rendered.get(items);
  const hit = byLocale?.get(ctx.i18n.locale);
  if (hit !== undefined) return hit;
  const html = (
    <ul class="product-grid">
      {items.map((p) => (
        <ProductCard ctx={ctx} p={p} />
      ))}
    </ul>
  );
  if (!byLocale) {
    byLocale = new Map();
    rendered.set(items, byLocale);
  }
  byLocale.set(ctx.i18n.locale, html);
  return html;
}
