import type { PageContext } from '../../../platform/http/page-context.js';
import { Field, FormError, type FormState } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import type { Order, OrderLine } from '../order.repo.js';

/** Sales quote the freight, and may adjust line prices, in one form. */
export function FreightForm(props: { ctx: PageContext; order: Order; lines: OrderLine[]; form?: FormState }) {
  const { ctx, order: o, lines, form } = props;
  const { t, i18n } = ctx;
  return (
    <form method="post" action={`/admin/orders/${o.number}/freight`} class="card" novalidate>
      <h2>{t('action.setFreight')}</h2>
      <CsrfField ctx={ctx} />
      <FormError ctx={ctx} form={form} />
      <div class="grid-2">
        <Field
          ctx={ctx}
          form={form}
          name="freight"
          label={t('field.freight')}
          required
          attrs={{ inputmode: 'decimal' }}
        />
        <Field
          ctx={ctx}
          form={form}
          name="validDays"
          type="number"
          label={t('field.quoteValidDays')}
          value="7"
          attrs={{ min: 1, max: 60 }}
        />
      </div>
      <fieldset>
        <legend>{t('admin.linePrices')}</legend>
        {lines.map((l) => (
          <Field
            ctx={ctx}
            form={form}
            name={`price_${l.id}`}
            label={`${l.sku} (${t('admin.listPrice')} ${i18n.money(l.listPriceCents)})`}
            attrs={{ inputmode: 'decimal', placeholder: (l.unitPriceCents / 100).toFixed(2) }}
          />
        ))}
      </fieldset>
      <Field ctx={ctx} form={form} name="note" label={t('field.note')} />
      <button type="submit" class="primary">
        {t('action.setFreight')}
      </button>
    </form>
  );
}

export function StaffCancelForm({ ctx, number, form }: { ctx: PageContext; number: string; form?: FormState }) {
  const { t } = ctx;
  return (
    <form method="post" action={`/admin/orders/${number}/cancel`} class="card" novalidate>
      <h2>{t('action.cancelOrder')}</h2>
      <CsrfField ctx={ctx} />
      <Field ctx={ctx} form={form} name="reason" label={t('field.reason')} required />
      <button type="submit" class="danger">
        {t('action.cancelOrder')}
      </button>
    </form>
  );
}
