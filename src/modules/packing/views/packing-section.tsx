import type { PageContext } from '../../../platform/http/page-context.js';
import type { MessageKey } from '../../../platform/i18n/index.js';
import type { FormState } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import type { ParcelEvidence } from '../packing.repo.js';
import { hashrateUnits, needsSerial } from '../packing.rules.js';
import type { PackingPageData } from '../packing-page.data.js';
import { PackingEvidenceView, staffEvidenceUrls } from './packing-evidence.js';

const ACCEPT = 'image/jpeg,image/png,image/webp,video/mp4,video/quicktime,video/webm';

/** Form names on the staff order page; the media form is per parcel. */
export const packingForms = {
  parcel: 'packingParcel',
  unit: 'packingUnit',
  media: (parcelId: number) => `packingMedia${parcelId}`,
};

function ErrorText({ ctx, form, name, id }: { ctx: PageContext; form?: FormState; name: string; id: string }) {
  const error = form?.errors?.[name];
  return error ? (
    <p class="field-error" id={`${id}-error`}>
      {ctx.t(error)}
    </p>
  ) : (
    ''
  );
}

/** Input with label and error; ids are namespaced because several packing forms share the page. */
function Input(props: {
  ctx: PageContext;
  form?: FormState;
  prefix: string;
  name: string;
  label: string;
  type?: string;
  required?: boolean;
  attrs?: Record<string, string>;
}) {
  const { ctx, form, prefix, name, label, type = 'text', required } = props;
  const id = `${prefix}-${name}`;
  const error = form?.errors?.[name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        value={form?.values?.[name]}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...props.attrs}
      />
      <ErrorText ctx={ctx} form={form} name={name} id={id} />
    </div>
  );
}

function Select(props: {
  ctx: PageContext;
  form?: FormState;
  prefix: string;
  name: string;
  label: string;
  options: [string, string][];
  value?: string;
}) {
  const { ctx, form, prefix, name, label, options } = props;
  const selected = form?.values?.[name] ?? props.value;
  const id = `${prefix}-${name}`;
  const error = form?.errors?.[name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map(([value, text]) => (
          <option value={value} selected={selected === value} safe>
            {text}
          </option>
        ))}
      </select>
      <ErrorText ctx={ctx} form={form} name={name} id={id} />
    </div>
  );
}

/** After shipping every addition is a correction: the reason field appears and is required. */
const Reason = ({
  ctx,
  form,
  prefix,
  shipped,
}: {
  ctx: PageContext;
  form?: FormState;
  prefix: string;
  shipped: boolean;
}) =>
  shipped ? (
    <Input
      ctx={ctx}
      form={form}
      prefix={prefix}
      name="reason"
      label={ctx.t('packing.reason')}
      required
      attrs={{ maxlength: '1000' }}
    />
  ) : (
    ''
  );

function MediaForm({
  ctx,
  number,
  parcel,
  form,
  shipped,
}: {
  ctx: PageContext;
  number: string;
  parcel: ParcelEvidence;
  form?: FormState;
  shipped: boolean;
}) {
  const prefix = `pm${parcel.id}`;
  const error = form?.errors?.files;
  return (
    <form
      method="post"
      enctype="multipart/form-data"
      action={`/admin/orders/${number}/packing/parcels/${parcel.id}/files?_csrf=${encodeURIComponent(ctx.csrf)}`}
      class="upload-form"
      data-upload
      novalidate
    >
      {form?.errors?._form && (
        <p class="form-error" role="alert">
          {ctx.t(form.errors._form)}
        </p>
      )}
      <Reason ctx={ctx} form={form} prefix={prefix} shipped={shipped} />
      <div class={error ? 'field has-error' : 'field'}>
        <label for={`${prefix}-files`}>{ctx.t('packing.media')}</label>
        <input
          id={`${prefix}-files`}
          name="files"
          type="file"
          multiple
          accept={ACCEPT}
          required
          aria-describedby={`${prefix}-files-hint${error ? ` ${prefix}-files-error` : ''}`}
          aria-invalid={error ? 'true' : undefined}
        />
        <p class="hint" id={`${prefix}-files-hint`}>
          {ctx.t('packing.mediaHint')}
        </p>
        <ErrorText ctx={ctx} form={form} name="files" id={`${prefix}-files`} />
      </div>
      <progress max="100" value="0" hidden aria-label={ctx.t('packing.uploading')} />
      <p class="form-error" role="alert" data-upload-error hidden>
        {ctx.t('packing.uploadFailed')}
      </p>
      <button type="submit">{ctx.t('packing.upload')}</button>
    </form>
  );
}

function UnitForm({
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
        <Select
          ctx={ctx}
          form={form}
          prefix={prefix}
          name="orderLineId"
          label={t('packing.line')}
          options={tracked.map((l) => [String(l.id), `${l.sku} · ${l.name}`])}
        />
        <Select
          ctx={ctx}
          form={form}
          prefix={prefix}
          name="parcelId"
          label={t('packing.parcelField')}
          options={d.evidence.parcels.map((p) => [String(p.id), t('packing.parcel', { n: p.position })])}
        />
        <Input
          ctx={ctx}
          form={form}
          prefix={prefix}
          name="serialNumber"
          label={t('packing.serialNumber')}
          required
          attrs={{ maxlength: '64', autocomplete: 'off' }}
        />
      </div>
      <fieldset>
        <legend>{t('packing.burnInLegend')}</legend>
        <div class="grid-2">
          <Input
            ctx={ctx}
            form={form}
            prefix={prefix}
            name="hashrate"
            label={t('packing.hashrate')}
            attrs={{ inputmode: 'decimal' }}
          />
          <Select
            ctx={ctx}
            form={form}
            prefix={prefix}
            name="hashrateUnit"
            label={t('packing.hashrateUnit')}
            options={[...hashrateUnits].reverse().map((u) => [u, u])}
            value="TH/s"
          />
          <Input
            ctx={ctx}
            form={form}
            prefix={prefix}
            name="hours"
            label={t('packing.hours')}
            attrs={{ inputmode: 'decimal' }}
          />
          <Select
            ctx={ctx}
            form={form}
            prefix={prefix}
            name="passed"
            label={t('packing.result')}
            options={[
              ['', t('packing.resultNone')],
              ['pass', t('packing.pass')],
              ['fail', t('packing.fail')],
            ]}
          />
        </div>
      </fieldset>
      {d.current.length > 0 && (
        <Select
          ctx={ctx}
          form={form}
          prefix={prefix}
          name="correctsUnitId"
          label={t('packing.replaces')}
          options={[
            ['', t('packing.replacesNone')],
            ...d.current.map((u): [string, string] => [String(u.id), u.serialNumber]),
          ]}
        />
      )}
      <Reason ctx={ctx} form={form} prefix={prefix} shipped={shipped} />
      <button type="submit">{t('packing.recordUnit')}</button>
    </form>
  );
}

/**
 * Packing evidence on the staff order page: what is recorded, what is still missing
 * before shipping, and (for warehouse while the order is packed or shipped) the forms.
 */
export function PackingSection({
  ctx,
  number,
  d,
  canEdit,
  forms = {},
}: {
  ctx: PageContext;
  number: string;
  d: PackingPageData;
  canEdit: boolean;
  forms?: Record<string, FormState | undefined>;
}) {
  const { t } = ctx;
  const shipped = d.status === 'shipped' || d.status === 'completed';
  const parcelForm = forms[packingForms.parcel];
  const hasTracked = d.lines.some((l) => needsSerial(l.kind));
  return (
    <section class="card packing" id="packing" aria-labelledby="packing-h">
      <h2 id="packing-h">{t('packing.title')}</h2>
      {d.status === 'ready_to_ship' &&
        (d.gaps.length ? (
          <div class="notice">
            <p>{t('packing.missing')}</p>
            <ul>
              {d.gaps.map((g: MessageKey) => (
                <li>{t(g)}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p class="notice done">{t('packing.complete')}</p>
        ))}
      {canEdit && shipped && <p class="hint">{t('packing.reasonHint')}</p>}
      <PackingEvidenceView
        ctx={ctx}
        evidence={d.evidence}
        lines={d.lines}
        urls={staffEvidenceUrls(number)}
        parcelFooter={
          canEdit
            ? (p) => (
                <MediaForm
                  ctx={ctx}
                  number={number}
                  parcel={p}
                  form={forms[packingForms.media(p.id)]}
                  shipped={shipped}
                />
              )
            : undefined
        }
      />
      {canEdit && (
        <form method="post" action={`/admin/orders/${number}/packing/parcels`} class="card" novalidate>
          <h3>{t('packing.addParcel')}</h3>
          <CsrfField ctx={ctx} />
          {parcelForm?.errors?._form && (
            <p class="form-error" role="alert">
              {t(parcelForm.errors._form)}
            </p>
          )}
          <div class={parcelForm?.errors?.seals ? 'field has-error' : 'field'}>
            <label for="pp-seals">{t('packing.sealNumbers')}</label>
            <textarea
              id="pp-seals"
              name="seals"
              rows="2"
              maxlength="2000"
              required
              aria-describedby={`pp-seals-hint${parcelForm?.errors?.seals ? ' pp-seals-error' : ''}`}
              aria-invalid={parcelForm?.errors?.seals ? 'true' : undefined}
              safe
            >
              {parcelForm?.values?.seals ?? ''}
            </textarea>
            <p class="hint" id="pp-seals-hint">
              {t('packing.sealsHint')}
            </p>
            <ErrorText ctx={ctx} form={parcelForm} name="seals" id="pp-seals" />
          </div>
          <Reason ctx={ctx} form={parcelForm} prefix="pp" shipped={shipped} />
          <button type="submit">{t('packing.addParcel')}</button>
        </form>
      )}
      {canEdit && hasTracked && d.evidence.parcels.length > 0 && (
        <UnitForm ctx={ctx} number={number} d={d} form={forms[packingForms.unit]} shipped={shipped} />
      )}
    </section>
  );
}
