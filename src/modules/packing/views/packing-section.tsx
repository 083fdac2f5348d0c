import type { PageContext } from '../../../platform/http/page-context.js';
import type { MessageKey } from '../../../platform/i18n/index.js';
import type { FormState } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { orderMachine } from '../../orders/index.js';
import type { ParcelEvidence } from '../packing.repo.js';
import { needsSerial } from '../packing.rules.js';
import type { PackingPageData } from '../packing-page.data.js';
import { PackingEvidenceView, staffEvidenceUrls } from './packing-evidence.js';
import { ErrorText, Reason } from './packing-fields.js';
import { ParcelMeasureFields } from './parcel-measures.js';
import { UnitForm } from './unit-form.js';

const ACCEPT = 'image/jpeg,image/png,image/webp,video/mp4,video/quicktime,video/webm';

/** Form names on the staff order page; the media form is per parcel. */
export const packingForms = {
  parcel: 'packingParcel',
  unit: 'packingUnit',
  media: (parcelId: number) => `packingMedia${parcelId}`,
};

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
      action={`/admin/orders/${number}/packing/parcels/${parcel.id}/files`}
      class="upload-form"
      data-upload
      novalidate
    >
      <CsrfField ctx={ctx} />
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
  const shipped = orderMachine.is.shippedOrLater(d.status);
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
          <ParcelMeasureFields ctx={ctx} form={parcelForm} />
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
