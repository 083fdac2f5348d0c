import type { PageContext } from '../../../platform/http/page-context.js';
import { Field, FormError, type FormState } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { carriers } from '../../shipping/index.js';

/** The warehouse ships: carrier and tracking numbers (one per parcel). */
export function ShipForm({ ctx, number, form }: { ctx: PageContext; number: string; form?: FormState }) {
  const { t } = ctx;
  return (
    <form method="post" action={`/admin/orders/${number}/ship`} class="card" novalidate>
      <h2>{t('action.markShipped')}</h2>
      <CsrfField ctx={ctx} />
      <FormError ctx={ctx} form={form} />
      <div class="field">
        <label for="f-carrier">{t('field.carrier')}</label>
        <select id="f-carrier" name="carrier">
          {carriers.map((c) => (
            <option value={c} selected={form?.values?.carrier === c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <Field
        ctx={ctx}
        form={form}
        name="tracking"
        label={t('field.trackingNumber')}
        hint={t('admin.trackingHint')}
        required
      />
      <button type="submit" class="primary">
        {t('action.markShipped')}
      </button>
    </form>
  );
}
