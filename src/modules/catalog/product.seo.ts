import type { ItemAvailability, Product as ProductLd, WithContext } from 'schema-dts';
import type { PageContext } from '../../platform/http/page-context.js';
import { plainText } from '../../platform/i18n/index.js';
import type { OpenGraph } from '../../platform/views/seo-head.js';
import { absoluteUrl } from '../../platform/views/seo-head.js';
import type { Product } from './product.types.js';

/** The Open Graph picture of every product: 1200×630, the size chat apps preview best. */
export const OG_IMAGE = { width: 1200, height: 630 } as const;

/** In stock, on backorder (sold, shipped later) or not sellable: what the buy box shows. */
export function availabilityOf(p: Pick<Product, 'stock' | 'backorderAllowed'>) {
  return p.stock > 0 ? 'InStock' : p.backorderAllowed ? 'BackOrder' : 'OutOfStock';
}

const dollars = (cents: number) => (cents / 100).toFixed(2);

/** "200 TH/s · 3,500 W": the figures a buyer compares, plain text. */
export function productSpecs(i18n: PageContext['i18n'], p: Pick<Product, 'hashrate' | 'hashrateUnit' | 'powerW'>) {
  return [
    p.hashrate != null && p.hashrateUnit ? `${i18n.number(p.hashrate, 2)} ${p.hashrateUnit}` : null,
    p.powerW != null ? `${i18n.number(p.powerW)} W` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** "Antminer S21 · 200 TH/s · 3,500 W · $5,499.00": what a buyer searches for. */
export function productSummary(ctx: Pick<PageContext, 'i18n'>, p: Product) {
  const specs = productSpecs(ctx.i18n, p);
  return [p.name, specs, ctx.i18n.money(p.priceCents)].filter(Boolean).join(' · ');
}

/** The meta description: the summary, the stock and what the shop promises, in the page's language. */
export function productDescription(ctx: Pick<PageContext, 'i18n'>, p: Product) {
  const locale = ctx.i18n.locale;
  const availability = plainText(locale, `seo.availability.${availabilityOf(p)}`);
  return `${productSummary(ctx, p)}. ${availability}. ${plainText(locale, 'seo.productTail', { brand: p.brand })}`;
}

/** Where the product's Open Graph PNG is served; the version makes an edited product a new URL for chat caches. */
export const productImagePath = (p: Pick<Product, 'slug' | 'updatedAt'>) =>
  `/products/${p.slug}/og.png?v=${p.updatedAt.getTime().toString(36)}`;

export function productOpenGraph(ctx: PageContext, p: Product): OpenGraph {
  return {
    type: 'product',
    title: `${p.name} · ${ctx.i18n.money(p.priceCents)}`,
    image: productImagePath(p),
    imageAlt: p.name,
    imageSize: OG_IMAGE,
    extra: [
      ['product:price:amount', dollars(p.priceCents)],
      ['product:price:currency', 'USD'],
      ['product:availability', { InStock: 'instock', BackOrder: 'backorder', OutOfStock: 'oos' }[availabilityOf(p)]],
      ['product:brand', p.brand],
      ['product:retailer_item_id', p.sku],
    ],
  };
}

/**
 * schema.org Product with its Offer, from what the page itself shows: price in USD,
 * availability from stock or backorder, SKU, brand, and hashrate and power as properties.
 */
export function productJsonLd(ctx: PageContext, p: Product): WithContext<ProductLd> {
  const url = absoluteUrl(ctx, ctx.href(`/products/${p.slug}`));
  const availability: ItemAvailability = `https://schema.org/${availabilityOf(p)}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    sku: p.sku,
    mpn: p.model,
    url,
    image: [absoluteUrl(ctx, productImagePath(p))],
    ...(p.description ? { description: p.description } : {}),
    brand: { '@type': 'Brand', name: p.brand },
    additionalProperty: [
      ...(p.hashrate != null && p.hashrateUnit
        ? [{ '@type': 'PropertyValue' as const, name: 'Hashrate', value: p.hashrate, unitText: p.hashrateUnit }]
        : []),
      ...(p.powerW != null
        ? [{ '@type': 'PropertyValue' as const, name: 'Power', value: p.powerW, unitText: 'W' }]
        : []),
    ],
    offers: {
      '@type': 'Offer',
      url,
      price: dollars(p.priceCents),
      priceCurrency: 'USD',
      availability,
    },
  };
}
