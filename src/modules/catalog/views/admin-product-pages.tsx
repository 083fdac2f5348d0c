import { escapeHtml } from '@kitajs/html';
import { categories } from '../../../platform/categories.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import type { MessageKey } from '../../../platform/i18n/index.js';
import { centsToUsdInput } from '../../../platform/money.js';
import { AdminShell } from '../../../platform/views/admin-shell.js';
import { CheckboxField, Field, FormError, type FormState, SelectField } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { coolings, hashrateUnits, productKinds } from '../product.rules.js';
import type { Product } from '../product.types.js';
import type { StockLedger } from '../stock.repo.js';
import { MAX_STOCK_ADJUSTMENT } from '../stock.rules.js';
import { StockSection } from './stock-section.js';

export function AdminProductList({ ctx, items, q }: { ctx: PageContext; items: Product[]; q: string }) {
  const { t, i18n } = ctx;
  return (
    <AdminShell ctx={ctx} title={t('admin.products')}>
      <div class="toolbar">
        <h1>{t('admin.products')}</h1>
        <p class="export">
          <a href={q ? `/admin/products.csv?q=${encodeURIComponent(q)}` : '/admin/products.csv'} download="">
            {t('export.download')}
          </a>
        </p>
        <a href="/admin/products/new" class="button primary">
          {t('admin.newProduct')}
        </a>
      </div>
      <form method="get" action="/admin/products" class="inline-form">
        <label for="f-aq">{t('nav.search')}</label>
        <input id="f-aq" name="q" type="search" value={q} />
        <button type="submit">{t('nav.search')}</button>
      </form>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('spec.sku')}</th>
            <th scope="col">{t('admin.name')}</th>
            <th scope="col">{t('admin.category')}</th>
            <th scope="col" class="num">
              {t('admin.price')}
            </th>
            <th scope="col" class="num">
              {t('admin.stock')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr>
              <td safe>{p.sku}</td>
              <td>
                <a href={`/admin/products/${p.id}`} safe>
                  {p.name}
                </a>
              </td>
              <td>{t(categories.find((c) => c.slug === p.category)?.name ?? 'category.asicMiners')}</td>
              <td class="num">{i18n.money(p.priceCents)}</td>
              <td class="num">{String(p.stock)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminShell>
  );
}

export interface AdminProductProps {
  ctx: PageContext;
  p?: Product;
  form?: FormState;
  /** The product's stock history (edit page). */
  ledger?: StockLedger;
  /** The "Adjust stock" form after a refused adjustment. */
  stockForm?: FormState;
}

export function AdminProductForm({ ctx, p, form, ledger, stockForm }: AdminProductProps) {
  const { t } = ctx;
  const f = (name: string, label: MessageKey, value?: string | number | null, type = 'text') => (
    <Field ctx={ctx} form={form} name={name} label={t(label)} value={value} type={type} />
  );
  const none = { value: '', label: '—' };
  const title = p ? escapeHtml(p.name) : t('admin.newProduct');
  return (
    <AdminShell ctx={ctx} title={title}>
      <h1>{title}</h1>
      {p && (
        <p>
          <a href={`/products/${p.slug}`}>{t('admin.viewInShop')}</a>
        </p>
      )}
      <form method="post" action={p ? `/admin/products/${p.id}` : '/admin/products'} class="product-form" novalidate>
        <CsrfField ctx={ctx} />
        <FormError ctx={ctx} form={form} />
        <fieldset>
          <legend>{t('admin.identity')}</legend>
          {f('name', 'admin.name', p?.name)}
          {f('slug', 'admin.slug', p?.slug)}
          {f('sku', 'spec.sku', p?.sku)}
          {f('brand', 'spec.brand', p?.brand)}
          {f('model', 'spec.model', p?.model)}
          <SelectField
            ctx={ctx}
            form={form}
            name="category"
            label={t('admin.category')}
            value={p?.category}
            options={categories.map((c) => ({ value: c.slug, label: t(c.name) }))}
          />
          <SelectField
            ctx={ctx}
            form={form}
            name="kind"
            label={t('admin.kind')}
            value={p?.kind}
            options={productKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
        </fieldset>
        <fieldset>
          <legend>{t('product.specs')}</legend>
          {f('algorithm', 'spec.algorithm', p?.algorithm)}
          {f('coins', 'spec.coins', p?.coins)}
          {f('hashrate', 'spec.hashrate', p?.hashrate, 'number')}
          <SelectField
            ctx={ctx}
            form={form}
            name="hashrateUnit"
            label={t('admin.hashrateUnit')}
            value={p?.hashrateUnit}
            options={[none, ...hashrateUnits.map((u) => ({ value: u, label: u }))]}
          />
          {f('powerW', 'admin.powerW', p?.powerW, 'number')}
          {f('efficiency', 'spec.efficiency', p?.efficiency, 'number')}
          {f('inputVoltage', 'spec.inputVoltage', p?.inputVoltage)}
          <SelectField
            ctx={ctx}
            form={form}
            name="cooling"
            label={t('spec.cooling')}
            value={p?.cooling}
            options={[none, ...coolings.map((c) => ({ value: c, label: t(`cooling.${c}`) }))]}
          />
          {f('noiseDb', 'admin.noiseDb', p?.noiseDb, 'number')}
          {f('operatingTemp', 'spec.operatingTemp', p?.operatingTemp)}
        </fieldset>
        <fieldset>
          <legend>{t('admin.commerce')}</legend>
          {f('price', 'admin.priceUsd', p ? centsToUsdInput(p.priceCents) : '')}
          {p ? (
            <p class="field">
              {t('admin.stock')}: <strong>{String(p.stock)}</strong> <a href="#stock">{t('stock.adjust')}</a>
            </p>
          ) : (
            <Field
              ctx={ctx}
              form={form}
              name="initialStock"
              label={t('stock.initial')}
              value={0}
              type="number"
              attrs={{ min: 0, max: MAX_STOCK_ADJUSTMENT, step: 1 }}
            />
          )}
          <CheckboxField
            form={form}
            name="backorderAllowed"
            label={t('admin.backorderAllowed')}
            checked={p?.backorderAllowed ?? false}
          />
          <CheckboxField
            form={form}
            name="needsTesting"
            label={t('admin.needsTesting')}
            checked={p?.needsTesting ?? false}
          />
          <CheckboxField form={form} name="featured" label={t('admin.featured')} checked={p?.featured ?? false} />
          {f('warrantyDays', 'admin.warrantyDays', p?.warrantyDays ?? 180, 'number')}
        </fieldset>
        <fieldset>
          <legend>{t('admin.shippingCustoms')}</legend>
          {f('weightGrams', 'admin.weightGrams', p?.weightGrams, 'number')}
          {f('lengthMm', 'admin.lengthMm', p?.lengthMm, 'number')}
          {f('widthMm', 'admin.widthMm', p?.widthMm, 'number')}
          {f('heightMm', 'admin.heightMm', p?.heightMm, 'number')}
          {f('hsCode', 'spec.hsCode', p?.hsCode)}
          <p class="hint">{t('admin.hsCodeDefaultHint')}</p>
          {f('originCountry', 'admin.originCountry', p?.originCountry ?? 'CN')}
          {f('customsDescription', 'product.customs', p?.customsDescription)}
        </fieldset>
        <div class="field">
          <label for="f-description">{t('product.description')}</label>
          <textarea id="f-description" name="description" rows="5" safe>
            {form?.values?.description ?? p?.description ?? ''}
          </textarea>
        </div>
        <button type="submit" class="primary">
          {t('admin.save')}
        </button>
      </form>
      {p && <StockSection ctx={ctx} p={p} ledger={ledger} form={stockForm} />}
      {p && <ImageManager ctx={ctx} p={p} form={form} />}
    </AdminShell>
  );
}

function ImageManager({ ctx, p, form }: { ctx: PageContext; p: Product; form?: FormState }) {
  const { t } = ctx;
  const error = form?.errors?.image;
  return (
    <section class="card">
      <h2>{t('admin.images')}</h2>
      <ul class="image-list">
        {p.images.map((src) => (
          <li>
            <img src={src} alt="" width="160" height="120" />
            <form method="post" action={`/admin/products/${p.id}/images/remove`}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="url" value={src} />
              <button type="submit" class="link danger">
                {t('cart.remove')}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action={`/admin/products/${p.id}/images`} enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <div class={error ? 'field has-error' : 'field'}>
          <label for="f-image">{t('admin.addImage')}</label>
          <input id="f-image" name="image" type="file" accept="image/jpeg,image/png,image/webp" />
          {error && <p class="field-error">{t(error)}</p>}
        </div>
        <button type="submit">{t('admin.upload')}</button>
      </form>
    </section>
  );
}
