import type { PageContext } from '../../../platform/http/page-context.js';
import { Field, FormError, type FormState, TextAreaField } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { ScrollTable } from '../../../platform/views/scroll-table.js';
import type { Product } from '../product.types.js';
import type { StockLedger } from '../stock.repo.js';
import { MAX_STOCK_ADJUSTMENT, type StockReason, signedDelta } from '../stock.rules.js';

const reasonLabel = {
  initial: 'stock.reason.initial',
  manual: 'stock.reason.manual',
  order_reserved: 'stock.reason.order_reserved',
  order_released: 'stock.reason.order_released',
} as const satisfies Record<StockReason, string>;

/** On the admin product page: the "Adjust stock" form and the ledger, newest first. */
export function StockSection({
  ctx,
  p,
  ledger,
  form,
}: {
  ctx: PageContext;
  p: Product;
  ledger?: StockLedger;
  form?: FormState;
}) {
  const { t, i18n } = ctx;
  const rows = ledger?.rows ?? [];
  const total = ledger?.total ?? 0;
  return (
    <section class="card" id="stock" aria-labelledby="stock-title">
      <h2 id="stock-title">{t('stock.adjust')}</h2>
      <p>
        {t('stock.onHand')}: <strong>{String(p.stock)}</strong>
      </p>
      <form method="post" action={`/admin/products/${p.id}/stock`} novalidate>
        <CsrfField ctx={ctx} />
        <FormError ctx={ctx} form={form} />
        <Field
          ctx={ctx}
          form={form}
          name="delta"
          label={t('stock.delta')}
          type="number"
          hint={t('stock.deltaHint')}
          attrs={{ min: -MAX_STOCK_ADJUSTMENT, max: MAX_STOCK_ADJUSTMENT, step: 1 }}
          idPrefix="stock"
          required
        />
        <TextAreaField ctx={ctx} form={form} name="note" label={t('stock.note')} rows={2} />
        <button type="submit">{t('stock.apply')}</button>
      </form>
      <h3>{t('stock.history')}</h3>
      {rows.length === 0 ? (
        <p>{t('stock.noHistory')}</p>
      ) : (
        <>
          <ScrollTable label={t('stock.history')} class="data-table stock-ledger">
            <thead>
              <tr>
                <th scope="col">{t('stock.when')}</th>
                <th scope="col" class="num">
                  {t('stock.change')}
                </th>
                <th scope="col">{t('stock.reason')}</th>
                <th scope="col">{t('stock.by')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <time datetime={r.createdAt.toISOString()}>{i18n.dateTime(r.createdAt)}</time>
                  </td>
                  <td class="num">{signedDelta(r.delta)}</td>
                  <td>
                    {t(reasonLabel[r.reason])}
                    {r.orderNumber && (
                      <>
                        {' '}
                        <a href={`/admin/orders/${encodeURIComponent(r.orderNumber)}`} safe>
                          {r.orderNumber}
                        </a>
                      </>
                    )}
                    {r.note && (
                      <>
                        {' · '}
                        <span safe>{r.note}</span>
                      </>
                    )}
                  </td>
                  <td safe>{r.actorEmail ?? t('stock.system')}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          {total > rows.length && (
            <p class="hint">
              {t('stock.showingLatest', {
                n: i18n.number(rows.length),
                total: ledger?.more ? `${i18n.number(total)}+` : i18n.number(total),
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
