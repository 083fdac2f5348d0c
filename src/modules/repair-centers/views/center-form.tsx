import { countryCodes, countryOptions } from '../../../platform/countries.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import type { MessageKey } from '../../../platform/i18n/index.js';
import { Field, FormError, type FormState, TextAreaField } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { MAX_PHOTOS, services } from '../repair-center.rules.js';
import type { RepairCenterDetails } from '../repair-center.tables.js';

export const photoUrl = (key: string) => `/repair-center-photos/${key.split('/').pop()}`;

/** Multi-valued fields come back from a failed post as repeated values; FormValues keeps only strings. */
export type RepairFormState = FormState & { services?: string[] };

export function CenterForm({
  ctx,
  action,
  d,
  form,
}: {
  ctx: PageContext;
  action: string;
  d?: RepairCenterDetails;
  form?: RepairFormState;
}) {
  const { t } = ctx;
  const f = (
    name: keyof RepairCenterDetails,
    label: MessageKey,
    opts: { type?: string; hint?: MessageKey; required?: boolean; autocomplete?: string } = {},
  ) => {
    const v = d?.[name];
    return (
      <Field
        ctx={ctx}
        form={form}
        name={name}
        label={t(label)}
        type={opts.type}
        required={opts.required}
        autocomplete={opts.autocomplete}
        hint={opts.hint && t(opts.hint)}
        value={Array.isArray(v) ? v.join(', ') : (v as string | number | null | undefined)}
      />
    );
  };
  const country = form?.values?.country ?? d?.country ?? '';
  const countryError = form?.errors?.country;
  const checked = new Set(form ? (form.services ?? []) : (d?.services ?? []));
  const photoError = form?.errors?.photos;
  const names = countryOptions(countryCodes, ctx.i18n.locale);
  return (
    <form method="post" action={action} enctype="multipart/form-data" class="repair-form" novalidate>
      <CsrfField ctx={ctx} />
      <FormError ctx={ctx} form={form} />
      <fieldset>
        <legend>{t('repair.contact')}</legend>
        {f('name', 'repair.name', { required: true, autocomplete: 'organization' })}
        <div class={countryError ? 'field has-error' : 'field'}>
          <label for="f-country">{t('repair.country')}</label>
          <select
            id="f-country"
            name="country"
            required
            aria-invalid={countryError ? 'true' : undefined}
            aria-describedby={countryError ? 'f-country-error' : undefined}
          >
            <option value="">—</option>
            {names.map((c) => (
              <option value={c.code} selected={c.code === country} safe>
                {c.name}
              </option>
            ))}
          </select>
          {countryError && (
            <p class="field-error" id="f-country-error">
              {t(countryError)}
            </p>
          )}
        </div>
        {f('city', 'repair.city', { required: true, autocomplete: 'address-level2' })}
        {f('address', 'repair.address', { required: true, autocomplete: 'street-address' })}
        {f('phone', 'repair.phone', { type: 'tel', required: true, hint: 'repair.phoneHint' })}
        {f('whatsapp', 'repair.whatsapp', { type: 'tel', hint: 'repair.phoneHint' })}
        {f('email', 'repair.email', { type: 'email', required: true, autocomplete: 'email' })}
        {f('website', 'repair.website', { type: 'url', hint: 'repair.websiteHint' })}
        {f('openingHours', 'repair.openingHours', { hint: 'repair.openingHoursHint' })}
      </fieldset>
      <fieldset>
        <legend>{t('repair.whatYouRepair')}</legend>
        {f('brands', 'repair.brands', { required: true, hint: 'repair.brandsHint' })}
        <TextAreaField
          rows={3}
          ctx={ctx}
          form={form}
          name="models"
          label={t('repair.models')}
          value={d?.models}
          hint={t('repair.modelsHint')}
        />
        <fieldset class="checks">
          <legend>{t('repair.services')}</legend>
          {services.map((s) => (
            <div class="field checkbox">
              <input id={`f-service-${s}`} name="services" type="checkbox" value={s} checked={checked.has(s)} />
              <label for={`f-service-${s}`}>{t(`repair.service.${s}`)}</label>
            </div>
          ))}
          {form?.errors?.services && <p class="field-error">{t(form.errors.services)}</p>}
        </fieldset>
        <TextAreaField
          rows={3}
          ctx={ctx}
          form={form}
          name="description"
          label={t('repair.description')}
          value={d?.description}
        />
      </fieldset>
      <fieldset>
        <legend>{t('repair.location')}</legend>
        <p class="hint">{t('repair.locationHint')}</p>
        {f('lat', 'repair.latitude', { hint: 'repair.latitudeHint' })}
        {f('lng', 'repair.longitude', { hint: 'repair.longitudeHint' })}
      </fieldset>
      <fieldset>
        <legend>{t('repair.photos')}</legend>
        {d && d.photos.length > 0 && (
          <ul class="photo-list">
            {d.photos.map((key, i) => (
              <li>
                <img src={photoUrl(key)} alt={t('repair.photoAlt', { n: i + 1 })} width="160" height="120" />
                <div class="field checkbox">
                  <input id={`f-remove-${i}`} name="removePhotos" type="checkbox" value={key} />
                  <label for={`f-remove-${i}`}>{t('repair.removePhoto')}</label>
                </div>
              </li>
            ))}
          </ul>
        )}
        <div class={photoError ? 'field has-error' : 'field'}>
          <label for="f-photos">{t('repair.addPhotos')}</label>
          <input
            id="f-photos"
            name="photos"
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp"
            aria-invalid={photoError ? 'true' : undefined}
            aria-describedby="f-photos-hint"
          />
          <p class="hint" id="f-photos-hint">
            {t('repair.photosHint', { n: MAX_PHOTOS })}
          </p>
          {photoError && <p class="field-error">{t(photoError)}</p>}
        </div>
      </fieldset>
      <button type="submit" class="primary">
        {t('repair.submit')}
      </button>
    </form>
  );
}
