import type { PageContext } from '../../../platform/http/page-context.js';
import { Field, type FormState, SelectField } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { hashrateUnits, needsSerial } from '../packing.rules.js';
import type { PackingPageData } from '../packing-page.data.js';
import { Reason } from './packing-fields.js';

/** One unit's serial (and a miner's burn-in); "Replaces unit" turns it into a correction. */
export function UnitForm({
  ctx,
  number,
  d,
  form,
  shipped,
}: {
  ctx: PageContext;
  number: string;
  d: PackingPageData;
  form?: FormState;
  shipped: boolean;
}) {
  const { t } = ctx;
  const tracked = d.lines.filter((l) => needsSerial(l.kind));
  const prefix = 'pu';
  const count = (lineId: number) => d.current.filter((u) => u.orderLineId === lineId).length;
  return (
    <form method="post" action={`/admin/orders/${number}/packing/units`} class="card" novalidate>
      <h3>{t('packing.units')}</h3>
      <CsrfField ctx={ctx} />
      <ul class="unit-progress">
        {tracked.map((l) => (
          <li>
            <span safe>{`${l.sku} · ${l.name}`}</span> —{' '}
            {t('packing.recordedCount', { done: count(l.id), total: l.quantity })}
          </li>
        ))}
      </ul>
      {form?.errors?._form && (
        <p class="form-error" role="alert">
          {t(form.errors._form)}
        </p>
      )}
      <div class="grid-2">
        <SelectField
          ctx={ctx}
          form={form}
          idPrefix={prefix}
          name="orderLineId"
          label={t('packing.line')}
          options={tracked.map((l) => ({ value: String(l.id), label: `${l.sku} · ${l.name}` }))}
        />
        <SelectField
          ctx={ctx}
          form={form}
          idPrefix={prefix}
          name="parcelId"
          label={t('packing.parcelField')}
          options={d.evidence.parcels.map((p) => ({
            value: String(p.id),
            label: t('packing.parcel', { n: p.position }),
          }))}
        />
        <Field
          ctx={ctx}
          form={form}
          idPrefix={prefix}
          name="serialNumber"
          label={t('packing.serialNumber')}
          required
          attrs={{ maxlength: '64', autocomplete: 'off' }}
        />
      </div>
      <fieldset>
        <legend>{t('packing.burnInLegend')}</legend>
        <div class="grid-2">
          <Field
            ctx={ctx}
            form={form}
            idPrefix={prefix}
            name="hashrate"
            label={t('packing.hashrate')}
            attrs={{ inputmode: 'decimal' }}
          />
          <SelectField
            ctx={ctx}
            form={form}
            idPrefix={prefix}
            name="hashrateUnit"
            label={t('packing.hashrateUnit')}
            options={[...hashrateUnits].reverse().map((u) => ({ value: u, label: u }))}
            value="TH/s"
          />
          <Field
            ctx={ctx}
            form={form}
            idPrefix={prefix}
            name="hours"
            label={t('packing.hours')}
            attrs={{ inputmode: 'decimal' }}
          />
          <SelectField
            ctx={ctx}
            form={form}
            idPrefix={prefix}
            name="passed"
            label={t('packing.result')}
            options={[
              { value: '', label: t('packing.resultNone') },
              { value: 'pass', label: t('packing.pass') },
              { value: 'fail', label: t('packing.fail') },
            ]}
          />
        </div>
      </fieldset>
      {d.current.length > 0 && (
        <SelectField
          ctx={ctx}
          form={form}
          idPrefix={prefix}
          name="correctsUnitId"
          label={t('packing.replaces')}
          options={[
            { value: '', label: t('packing.replacesNone') },
            ...d.current.map((u) => ({ value: String(u.id), label: u.serialNumber })),
          ]}
        />
      )}
      <Reason ctx={ctx} form={form} prefix={prefix} shipped={shipped} />
      <button type="submit">{t('packing.recordUnit')}</button>
    </form>
  );
}
