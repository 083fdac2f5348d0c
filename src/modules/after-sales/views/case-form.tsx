import type { PageContext } from '../../../platform/http/page-context.js';
import { FormError, type FormState, SelectField, TextAreaField } from '../../../platform/views/form.js';
import { CsrfField, Layout } from '../../../platform/views/layout.js';
import { hasSerials } from '../case.policy.js';
import type { ClaimableLine } from '../case.repo.js';
import { warrantyEndsAt } from '../case.rules.js';
import { caseTypes } from '../case.states.js';

function FieldErrorText({ ctx, form, name }: { ctx: PageContext; form?: FormState; name: string }) {
  const error = form?.errors?.[name];
  return error ? (
    <p class="field-error" id={`f-${name}-error`}>
      {ctx.t(error)}
    </p>
  ) : (
    ''
  );
}

/** One fieldset per order line: how many units are affected and, for serial-numbered hardware, which. */
function LineFields({
  ctx,
  form,
  line,
  deliveredAt,
  now,
}: {
  ctx: PageContext;
  form?: FormState;
  line: ClaimableLine;
  deliveredAt: Date | null;
  now: Date;
}) {
  const { t, i18n } = ctx;
  const qty = `qty_${line.id}`;
  const serial = `serial_${line.id}`;
  const ends = deliveredAt && warrantyEndsAt(deliveredAt, line.warrantyDays);
  const expired = !ends || ends < now;
  return (
    <fieldset class="claim-line">
      <legend>
        <span safe>{line.name}</span> <span class="hint" safe>{`(${line.sku})`}</span>
      </legend>
      {ends && (
        <p class={expired ? 'hint problem-text' : 'hint'}>
          {expired
            ? t('case.warrantyEnded', { date: i18n.date(ends) })
            : t('case.warrantyUntil', { date: i18n.date(ends) })}
        </p>
      )}
      <div class="grid-2">
        <div class={form?.errors?.[qty] ? 'field has-error' : 'field'}>
          <label for={`f-${qty}`}>{t('case.quantityAffected')}</label>
          <input
            id={`f-${qty}`}
            name={qty}
            type="number"
            min="0"
            max={String(line.quantity)}
            value={form?.values?.[qty] ?? '0'}
            inputmode="numeric"
            aria-invalid={form?.errors?.[qty] ? 'true' : undefined}
            aria-describedby={`f-${qty}-hint${form?.errors?.[qty] ? ` f-${qty}-error` : ''}`}
          />
          <p class="hint" id={`f-${qty}-hint`}>
            {t('case.quantityHint', { n: line.quantity })}
          </p>
          <FieldErrorText ctx={ctx} form={form} name={qty} />
        </div>
        {hasSerials(line.kind) && (
          <div class={form?.errors?.[serial] ? 'field has-error' : 'field'}>
            <label for={`f-${serial}`}>{t('field.serialNumber')}</label>
            <input
              id={`f-${serial}`}
              name={serial}
              value={form?.values?.[serial] ?? ''}
              autocomplete="off"
              aria-invalid={form?.errors?.[serial] ? 'true' : undefined}
              aria-describedby={`f-${serial}-hint${form?.errors?.[serial] ? ` f-${serial}-error` : ''}`}
            />
            <p class="hint" id={`f-${serial}-hint`}>
              {t('case.serialHint')}
            </p>
            <FieldErrorText ctx={ctx} form={form} name={serial} />
          </div>
        )}
      </div>
    </fieldset>
  );
}

export function CaseFormPage(props: {
  ctx: PageContext;
  order: { number: string; closedAt: Date | null };
  lines: ClaimableLine[];
  token: string;
  form?: FormState;
  now: Date;
}) {
  const { ctx, order, lines, token, form, now } = props;
  const { t } = ctx;
  const mediaError = form?.errors?.media;
  return (
    <Layout ctx={ctx} title={t('case.newTitle', { number: order.number })}>
      <p>
        <a href={`/orders/${order.number}`}>{t('order.title', { number: order.number })}</a>
      </p>
      <h1>{t('case.newTitle', { number: order.number })}</h1>
      <p class="lead">{t('case.newLead')}</p>
      <form
        method="post"
        action={ctx.href(`/orders/${order.number}/after-sales`)}
        enctype="multipart/form-data"
        class="card case-form"
        novalidate
      >
        <CsrfField ctx={ctx} />
        <FormError ctx={ctx} form={form} />
        <input type="hidden" name="token" value={form?.values?.token ?? token} />
        <fieldset class={form?.errors?._lines ? 'has-error' : ''}>
          <legend>{t('case.linesLegend')}</legend>
          <FieldErrorText ctx={ctx} form={form} name="_lines" />
          {lines.map((line) => (
            <LineFields ctx={ctx} form={form} line={line} deliveredAt={order.closedAt} now={now} />
          ))}
        </fieldset>
        <SelectField
          ctx={ctx}
          form={form}
          name="type"
          label={t('field.caseType')}
          placeholder={t('case.chooseType')}
          options={caseTypes.map((type) => ({ value: type, label: t(`caseType.${type}`) }))}
          required
        />
        <TextAreaField ctx={ctx} form={form} name="description" label={t('field.description')} rows={5} />
        <div class={mediaError ? 'field has-error' : 'field'}>
          <label for="f-media">{t('field.photosAndVideos')}</label>
          <input
            id="f-media"
            name="media"
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,video/mp4,video/quicktime,video/webm"
            aria-invalid={mediaError ? 'true' : undefined}
            aria-describedby={`f-media-hint${mediaError ? ' f-media-error' : ''}`}
          />
          <p class="hint" id="f-media-hint">
            {t('case.mediaHint')}
          </p>
          <FieldErrorText ctx={ctx} form={form} name="media" />
        </div>
        <button type="submit" class="primary">
          {t('case.submit')}
        </button>
      </form>
    </Layout>
  );
}
