import type { PageContext } from '../../../platform/http/page-context.js';
import type { MessageKey } from '../../../platform/i18n/index.js';
import { CsrfField, Layout } from '../../../platform/views/layout.js';
import type { CartLine } from '../cart.repo.js';
import { lineTotalCents, subtotalCents } from '../cart.rules.js';

export interface CartView {
  lines: CartLine[];
  /** An error on one line (its product id), with the quantity the user typed. */
  lineError?: { productId: number; message: MessageKey; typed?: string };
}

function LineRow({ ctx, line, v }: { ctx: PageContext; line: CartLine; v: CartView }) {
  const { t, i18n } = ctx;
  const err = v.lineError?.productId === line.productId ? v.lineError : undefined;
  const qid = `qty-${line.productId}`;
  return (
    <tr>
      <td class="item">
        {line.image && <img src={line.image} alt="" width="80" height="60" />}
        <span>
          <a href={`/products/${line.slug}`} safe>
            {line.name}
          </a>
          <span class="sku" safe>
            {line.sku}
          </span>
        </span>
      </td>
      <td class="num">{i18n.money(line.unitPriceCents)}</td>
      <td>
        <form method="post" action={ctx.href(`/cart/items/${line.productId}`)} class="qty-form" novalidate>
          <CsrfField ctx={ctx} />
          <label for={qid} class="visually-hidden">
            {t('cart.quantityOf', { name: line.name })}
          </label>
          <input
            id={qid}
            name="quantity"
            type="number"
            min="1"
            step="1"
            inputmode="numeric"
            value={err?.typed ?? String(line.quantity)}
            aria-invalid={err ? 'true' : undefined}
            aria-describedby={err ? `${qid}-error` : undefined}
          />
          <button type="submit" class="small">
            {t('cart.update')}
          </button>
          {err && (
            <p class="field-error" id={`${qid}-error`}>
              {t(err.message)}
            </p>
          )}
        </form>
      </td>
      <td class="num">{i18n.money(lineTotalCents(line))}</td>
      <td>
        <form method="post" action={ctx.href(`/cart/items/${line.productId}/remove`)}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="link danger" aria-label={t('cart.removeItem', { name: line.name })}>
            {t('cart.remove')}
          </button>
        </form>
      </td>
    </tr>
  );
}

/**
 * `checkout` is the order form (rendered by the orders module) shown under a non-empty
 * cart; `notice` a message from it above the cart (e.g. this cart was already ordered).
 */
export function CartPage({
  ctx,
  v,
  checkout,
  notice,
}: {
  ctx: PageContext;
  v: CartView;
  checkout?: JSX.Element;
  notice?: JSX.Element | string;
}) {
  const { t, i18n } = ctx;
  return (
    <Layout ctx={ctx} title={t('cart.title')}>
      <h1>{t('cart.title')}</h1>
      {notice}
      {v.lines.length === 0 ? (
        <section class="card empty">
          <p>{t('cart.empty')}</p>
          <p>
            <a href="/categories/asic-miners" class="button primary">
              {t('cart.browse')}
            </a>
          </p>
        </section>
      ) : (
        <section class="card">
          <table class="cart-table">
            <thead>
              <tr>
                <th scope="col">{t('cart.product')}</th>
                <th scope="col" class="num">
                  {t('cart.unitPrice')}
                </th>
                <th scope="col">{t('field.quantity')}</th>
                <th scope="col" class="num">
                  {t('cart.lineTotal')}
                </th>
                <th scope="col">
                  <span class="visually-hidden">{t('cart.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {v.lines.map((line) => (
                <LineRow ctx={ctx} line={line} v={v} />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colspan="3">
                  {t('cart.subtotal')}
                </th>
                <td class="num strong">{i18n.money(subtotalCents(v.lines))}</td>
                <td />
              </tr>
            </tfoot>
          </table>
          <p class="hint">{t('cart.freightNote')}</p>
        </section>
      )}
      {v.lines.length > 0 && checkout}
    </Layout>
  );
}
