import { countryCodes, countryName, countryOptions } from '../../../platform/countries.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import type { MessageKey } from '../../../platform/i18n/index.js';
import { AdminShell } from '../../../platform/views/admin-shell.js';
import { Field, FormError, type FormState } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import type { Settings } from '../settings.rules.js';

type ListName = 'destinations' | 'cryptoRestricted';

/** A ticked-box list of every country, by name in the reader's language, closed unless it needs attention. */
function CountryPicker({
  ctx,
  name,
  selected,
  form,
  legend,
  hint,
  summary,
}: {
  ctx: PageContext;
  name: ListName;
  selected: string[];
  form?: FormState;
  legend: string;
  hint: string;
  summary: string;
}) {
  const error = form?.errors?.[name];
  const byName = countryOptions(countryCodes, ctx.i18n.locale);
  const chosen = new Set(selected);
  return (
    <fieldset
      class={error ? 'countries has-error' : 'countries'}
      aria-describedby={`f-${name}-hint${error ? ` f-${name}-error` : ''}`}
    >
      <legend>{legend}</legend>
      <p class="hint" id={`f-${name}-hint`}>
        {hint}
      </p>
      {/* t() already escaped the country names it was given. */}
      <p class="country-summary">{summary}</p>
      {error && (
        <p class="field-error" id={`f-${name}-error`}>
          {ctx.t(error)}
        </p>
      )}
      <details open={!!error}>
        <summary>{ctx.t('settings.chooseCountries', { n: chosen.size, total: countryCodes.length })}</summary>
        <div class="country-grid">
          {byName.map((c) => (
            <label>
              <input type="checkbox" name={name} value={c.code} checked={chosen.has(c.code)} />{' '}
              <span safe>{c.name}</span> <span class="code">{c.code}</span>
            </label>
          ))}
        </div>
      </details>
    </fieldset>
  );
}

function TextArea({
  ctx,
  form,
  name,
  label,
  value,
}: {
  ctx: PageContext;
  form?: FormState;
  name: string;
  label: string;
  value: string;
}) {
  const error = form?.errors?.[name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={`f-${name}`}>{label}</label>
      <textarea
        id={`f-${name}`}
        name={name}
        rows="3"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `f-${name}-error` : undefined}
        safe
      >
        {form?.values?.[name] ?? value}
      </textarea>
      {error && (
        <p class="field-error" id={`f-${name}-error`}>
          {ctx.t(error)}
        </p>
      )}
    </div>
  );
}

const names = (ctx: PageContext, codes: string[]) =>
  codes
    .map((c) => countryName(c, ctx.i18n.locale))
    .sort((a, b) => a.localeCompare(b, ctx.i18n.locale))
    .join(', ');

/** Shop settings (admin): seller details, contact, deadlines, destinations and crypto restrictions. */
export function SettingsPage({
  ctx,
  s,
  form,
  saved,
}: {
  ctx: PageContext;
  s: Settings;
  form?: FormState;
  saved?: boolean;
}) {
  const { t } = ctx;
  const list = (name: ListName) =>
    form?.values ? (form.values[name] ?? '').split(' ').filter(Boolean) : (s[name] as string[]);
  const f = (
    name: keyof Settings,
    label: MessageKey,
    type = 'text',
    hint?: MessageKey,
    attrs?: Record<string, string | number>,
  ) => (
    <Field
      ctx={ctx}
      form={form}
      name={name}
      label={t(label)}
      type={type}
      value={String(s[name])}
      hint={hint && t(hint)}
      attrs={attrs}
    />
  );
  const destinations = list('destinations');
  const restricted = list('cryptoRestricted');
  const excluded = countryCodes.filter((c) => !destinations.includes(c));
  const mode = form?.values?.cryptoRestrictionMode ?? s.cryptoRestrictionMode;
  return (
    <AdminShell ctx={ctx} title={t('settings.title')}>
      <h1>{t('settings.title')}</h1>
      <p class="hint">{t('settings.lead')}</p>
      {saved && (
        <p class="notice done" role="status">
          {t('settings.saved')}
        </p>
      )}
      <form method="post" action="/admin/settings" class="settings-form" novalidate>
        <CsrfField ctx={ctx} />
        <FormError ctx={ctx} form={form} />
        <fieldset>
          <legend>{t('settings.seller')}</legend>
          <p class="hint">{t('settings.sellerHint')}</p>
          {f('sellerName', 'settings.sellerName', 'text', undefined, { autocomplete: 'organization' })}
          <TextArea
            ctx={ctx}
            form={form}
            name="sellerAddress"
            label={t('settings.sellerAddress')}
            value={s.sellerAddress}
          />
          {f('sellerEmail', 'settings.sellerEmail', 'email')}
          {f('sellerPhone', 'settings.sellerPhone', 'tel')}
          {f('sellerTaxId', 'settings.sellerTaxId', 'text', 'settings.sellerTaxIdHint')}
        </fieldset>
        <fieldset>
          <legend>{t('settings.contactDeadlines')}</legend>
          {f('whatsappNumber', 'settings.whatsapp', 'tel', 'settings.whatsappHint')}
          {f('paymentDeadlineHours', 'settings.paymentDeadline', 'number', 'settings.paymentDeadlineHint', {
            min: 1,
            max: 720,
            step: 1,
          })}
          {f('autoCompleteDays', 'settings.autoComplete', 'number', 'settings.autoCompleteHint', {
            min: 4,
            max: 90,
            step: 1,
          })}
        </fieldset>
        <CountryPicker
          ctx={ctx}
          form={form}
          name="destinations"
          selected={destinations}
          legend={t('settings.destinations')}
          hint={t('settings.destinationsHint')}
          summary={
            excluded.length === 0
              ? t('settings.shipsEverywhere')
              : destinations.length * 2 < countryCodes.length
                ? t('settings.shippedTo', { list: names(ctx, destinations) })
                : t('settings.notShippedTo', { list: names(ctx, excluded) })
          }
        />
        <CountryPicker
          ctx={ctx}
          form={form}
          name="cryptoRestricted"
          selected={restricted}
          legend={t('settings.cryptoRestricted')}
          hint={t('settings.cryptoRestrictedHint')}
          summary={
            restricted.length
              ? t('settings.restrictedList', { list: names(ctx, restricted) })
              : t('settings.noneRestricted')
          }
        />
        <fieldset class={form?.errors?.cryptoRestrictionMode ? 'has-error' : undefined}>
          <legend>{t('settings.mode')}</legend>
          {(['warn', 'block'] as const).map((m) => (
            <div class="field checkbox">
              <input id={`f-mode-${m}`} type="radio" name="cryptoRestrictionMode" value={m} checked={mode === m} />
              <label for={`f-mode-${m}`}>{t(m === 'warn' ? 'settings.modeWarn' : 'settings.modeBlock')}</label>
            </div>
          ))}
          {form?.errors?.cryptoRestrictionMode && <p class="field-error">{t(form.errors.cryptoRestrictionMode)}</p>}
        </fieldset>
        <button type="submit" class="primary">
          {t('admin.save')}
        </button>
      </form>
    </AdminShell>
  );
}
