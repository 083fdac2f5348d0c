import { escapeHtml } from '@kitajs/html';
import { findCategory } from '../../../platform/categories.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import { plainText } from '../../../platform/i18n/index.js';
import { Field, type FormState } from '../../../platform/views/form.js';
import { breadcrumbList } from '../../../platform/views/json-ld.js';
import { CsrfField, Layout } from '../../../platform/views/layout.js';
import { absoluteUrl } from '../../../platform/views/seo-head.js';
import { shipWithin, transitDays } from '../../shipping/index.js';
import { efficiencyUnit, estimateDailyProfit, type NetworkFigure } from '../product.rules.js';
import { productDescription, productJsonLd, productOpenGraph } from '../product.seo.js';
import type { Product } from '../product.types.js';
import { StockBadge } from './product-card.js';

export const DEFAULT_KWH_CENTS = 8;

function SpecTable({ ctx, p }: { ctx: PageContext; p: Product }) {
  const { t, i18n } = ctx;
  const dims = p.lengthMm && p.widthMm && p.heightMm ? `${p.lengthMm} × ${p.widthMm} × ${p.heightMm} mm` : null;
  const rows: [string, string | null][] = [
    [t('spec.brand'), p.brand],
    [t('spec.model'), p.model],
    [t('spec.sku'), p.sku],
    [t('spec.algorithm'), p.algorithm],
    [t('spec.coins'), p.coins],
    [
      t('spec.hashrate'),
      p.hashrate != null && p.hashrateUnit ? `${i18n.number(p.hashrate, 2)} ${p.hashrateUnit}` : null,
    ],
    [t('spec.power'), p.powerW != null ? `${i18n.number(p.powerW)} W` : null],
    [
      t('spec.efficiency'),
      p.efficiency != null && p.hashrateUnit
        ? `${i18n.number(p.efficiency, 1)} ${efficiencyUnit(p.hashrateUnit)}`
        : null,
    ],
    [t('spec.inputVoltage'), p.inputVoltage],
    [t('spec.cooling'), p.cooling ? t(`cooling.${p.cooling}`) : null],
    [t('spec.noise'), p.noiseDb != null ? `${p.noiseDb} dB` : null],
    [t('spec.operatingTemp'), p.operatingTemp],
    [t('spec.weight'), `${i18n.number(p.weightGrams / 1000, 2)} kg`],
    [t('spec.dimensions'), dims],
    [t('spec.warranty'), t('spec.warrantyDays', { n: p.warrantyDays })],
    [t('spec.hsCode'), p.hsCode],
  ];
  return (
    <table class="spec-table">
      <caption>{t('product.specs')}</caption>
      <tbody>
        {rows
          .filter((r): r is [string, string] => r[1] != null && r[1] !== '')
          .map(([k, v]) => (
            <tr>
              <th scope="row">{k}</th>
              <td class="num" safe>
                {v}
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

export function ProfitEstimate(props: { ctx: PageContext; p: Product; network: NetworkFigure; kwhCents: number }) {
  const { ctx, p, network, kwhCents } = props;
  if (p.hashrate == null || !p.hashrateUnit || p.powerW == null) return '';
  const e = estimateDailyProfit(
    { hashrate: p.hashrate, hashrateUnit: p.hashrateUnit, powerW: p.powerW },
    network,
    kwhCents,
  );
  const { t, i18n } = ctx;
  return (
    <section class="profit card" id="profit">
      <h2>{t('profit.title')}</h2>
      <form
        method="get"
        action={ctx.href(`/products/${p.slug}#profit`)}
        hx-get={ctx.href(`/products/${p.slug}/profit`)}
        hx-target="#profit"
        hx-swap="outerHTML"
      >
        <label for="f-kwh">{t('profit.electricity')}</label>
        <input
          id="f-kwh"
          name="kwh"
          type="number"
          min="0"
          max="100"
          step="0.1"
          value={String(kwhCents)}
          inputmode="decimal"
        />
        <button type="submit" class="small">
          {t('profit.recalculate')}
        </button>
      </form>
      <table class="money-table">
        <tbody>
          <tr>
            <th scope="row">{t('profit.coins', { coin: network.coin })}</th>
            <td class="num">{i18n.number(e.coinsPerDay, 8)}</td>
          </tr>
          <tr>
            <th scope="row">{t('profit.revenue')}</th>
            <td class="num">{i18n.money(e.revenueCents)}</td>
          </tr>
          <tr>
            <th scope="row">{t('profit.powerCost')}</th>
            <td class="num">{i18n.money(e.powerCostCents)}</td>
          </tr>
          <tr class={e.profitCents < 0 ? 'loss' : 'gain'}>
            <th scope="row">{t('profit.profit')}</th>
            <td class="num">{i18n.money(e.profitCents)}</td>
          </tr>
        </tbody>
      </table>
      <p class="hint">{t('profit.disclaimer', { price: i18n.money(network.coinPriceCents), coin: network.coin })}</p>
    </section>
  );
}

export interface ProductView {
  p: Product;
  network?: NetworkFigure;
  kwhCents: number;
  form?: FormState;
}

export function ProductPage({ ctx, v }: { ctx: PageContext; v: ProductView }) {
  const { t } = ctx;
  const { p } = v;
  const ship = shipWithin({ inStock: p.stock > 0, needsTesting: p.needsTesting, quantity: 1 });
  const air = transitDays.air_express;
  const category = findCategory(p.category);
  const buyable = p.stock > 0 || p.backorderAllowed;
  const path = `/products/${p.slug}`;
  const trail = [
    { name: plainText(ctx.i18n.locale, 'nav.home'), path: '/' },
    ...(category ? [{ name: plainText(ctx.i18n.locale, category.name), path: `/categories/${category.slug}` }] : []),
    { name: p.name, path },
  ];
  const share = `https://wa.me/?text=${encodeURIComponent(`${p.name} ${absoluteUrl(ctx, ctx.href(path))}`)}`;
  const seo = {
    canonical: path,
    description: productDescription(ctx, p),
    og: productOpenGraph(ctx, p),
    jsonLd: [productJsonLd(ctx, p), breadcrumbList(ctx, trail)],
  };
  return (
    <Layout ctx={ctx} title={escapeHtml(p.name)} seo={seo}>
      <nav class="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <a href={ctx.href('/')}>{t('nav.home')}</a> ›{' '}
        {category && <a href={ctx.href(`/categories/${category.slug}`)}>{t(category.name)}</a>}
      </nav>
      <div class="product">
        <div class="gallery">
          {p.images.map((src, i) => (
            <img src={src} alt={i === 0 ? p.name : ''} width="400" height="300" />
          ))}
        </div>
        <div class="buy-box card">
          <p class="brand-line" safe>
            {p.brand}
          </p>
          <h1 safe>{p.name}</h1>
          <p class="price big num">{ctx.i18n.money(p.priceCents)}</p>
          <p>
            <StockBadge ctx={ctx} stock={p.stock} backorderAllowed={p.backorderAllowed} />
          </p>
          <p class="lead-time">
            {t(p.needsTesting ? 'product.leadTimeTested' : 'product.leadTime', { min: ship.min, max: ship.max })}{' '}
            {t('product.transit', { min: air.min, max: air.max })}
          </p>
          {buyable ? (
            <form method="post" action={ctx.href('/cart/items')} class="add-to-cart" novalidate>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="productId" value={String(p.id)} />
              <Field
                ctx={ctx}
                form={v.form}
                name="quantity"
                type="number"
                label={t('field.quantity')}
                value="1"
                required
                attrs={{ min: 1, step: 1, inputmode: 'numeric' }}
              />
              <button type="submit" class="primary">
                {t('product.addToCart')}
              </button>
            </form>
          ) : (
            <p class="hint">{t('product.unavailable')}</p>
          )}
          <p>
            <a href={share} class="whatsapp share" rel="noopener noreferrer" target="_blank">
              {t('seo.shareWhatsapp')}
            </a>
          </p>
        </div>
      </div>
      <div class="product-details">
        <SpecTable ctx={ctx} p={p} />
        <section class="description">
          <h2>{t('product.description')}</h2>
          <p safe>{p.description}</p>
          <h3>{t('product.customs')}</h3>
          <p safe>{p.customsDescription}</p>
          <p>
            <a href="/warranty">{t('warranty.link')}</a>
          </p>
        </section>
        {v.network && <ProfitEstimate ctx={ctx} p={p} network={v.network} kwhCents={v.kwhCents} />}
      </div>
    </Layout>
  );
}
