import type { Children } from '@kitajs/html';
import { countryName } from '../../../platform/countries.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import { AdminShell } from '../../../platform/views/admin-shell.js';
import { Field, FormError, type FormState, SelectField } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { PackingEvidenceView, staffEvidenceUrls } from '../../packing/index.js';
import { carriers } from '../../shipping/index.js';
import type { CaseEvent } from '../case.machine.js';
import type { CasePageData, StaffExtras } from '../case-page.data.js';
import { CaseBadge, CaseThread, CaseTimeline, evidenceOf, MediaGallery } from './case-parts.js';
import { CaseLinesTable, CaseOutcome, CaseSummary } from './customer-case-pages.js';

type Forms = Partial<Record<'repair' | 'reject' | 'ship' | 'thread', FormState>>;

function ActionForm({
  ctx,
  action,
  title,
  children,
  tone,
}: {
  ctx: PageContext;
  action: string;
  title: string;
  children?: Children;
  tone?: 'primary' | 'danger';
}) {
  return (
    <form method="post" action={action} class="card" novalidate>
      <h3>{title}</h3>
      <CsrfField ctx={ctx} />
      {children}
      <button type="submit" class={tone ?? ''}>
        {title}
      </button>
    </form>
  );
}

/** Support's decision forms; the repair form offers the suggested centers first, then every approved one. */
function Decisions({ ctx, d, x, forms }: { ctx: PageContext; d: CasePageData; x: StaffExtras; forms: Forms }) {
  const { t } = ctx;
  const base = `/admin/after-sales/${d.case.number}`;
  const can = (e: CaseEvent) => d.actions.includes(e);
  const chosen = forms.repair?.values?.repairCenterId ?? String(x.suggested[0]?.id ?? '');
  const standard = d.case.standardResolution;
  const others = x.all.filter((c) => !x.suggested.some((s) => s.id === c.id));
  return (
    <div class="case-actions">
      <p class="hint">
        {t('case.policyHint', { resolution: t(`caseResolution.${d.case.standardResolution}`) })}
        {can('decideRepair') && x.suggested.length === 0 && <> {t('case.noSuggestedCenters')}</>}
      </p>
      {can('startReview') && (
        <ActionForm ctx={ctx} action={`${base}/events/startReview`} title={t('caseEvent.startReview')} />
      )}
      {can('decideReissue') && (
        <ActionForm
          ctx={ctx}
          action={`${base}/decide/reissue`}
          title={t('caseEvent.decideReissue')}
          tone={standard === 'reissue' ? 'primary' : undefined}
        >
          <Field ctx={ctx} name="note" label={t('field.caseNote')} />
        </ActionForm>
      )}
      {can('decideRepair') && (
        <ActionForm
          ctx={ctx}
          action={`${base}/decide/repair`}
          title={t('caseEvent.decideRepair')}
          tone={standard === 'repair' ? 'primary' : undefined}
        >
          <FormError ctx={ctx} form={forms.repair} />
          <div class={forms.repair?.errors?.repairCenterId ? 'field has-error' : 'field'}>
            <label for="f-repairCenterId">{t('field.repairCenter')}</label>
            <select id="f-repairCenterId" name="repairCenterId" required>
              <option value="">{t('case.chooseType')}</option>
              {x.suggested.length > 0 && (
                <optgroup label={t('case.suggestedCenters', { brand: x.brand ?? '' })}>
                  {x.suggested.map((c) => (
                    <option value={String(c.id)} selected={chosen === String(c.id)} safe>
                      {`${c.name} · ${c.city}, ${c.country}${c.distanceKm === null ? '' : ` · ${Math.round(c.distanceKm)} km`}`}
                    </option>
                  ))}
                </optgroup>
              )}
              <optgroup label={t('case.otherCenters')}>
                {others.map((c) => (
                  <option value={String(c.id)} selected={chosen === String(c.id)} safe>
                    {`${c.name} · ${c.city}, ${c.country}`}
                  </option>
                ))}
              </optgroup>
            </select>
            {forms.repair?.errors?.repairCenterId && <p class="field-error">{t(forms.repair.errors.repairCenterId)}</p>}
          </div>
          <Field ctx={ctx} form={forms.repair} name="note" label={t('field.caseNote')} />
        </ActionForm>
      )}
      {can('rejectCase') && (
        <ActionForm ctx={ctx} action={`${base}/decide/reject`} title={t('caseEvent.rejectCase')} tone="danger">
          <Field ctx={ctx} form={forms.reject} name="reason" label={t('field.reason')} required />
        </ActionForm>
      )}
      {can('shipReissue') && (
        <ActionForm ctx={ctx} action={`${base}/ship`} title={t('caseEvent.shipReissue')} tone="primary">
          <SelectField
            ctx={ctx}
            form={forms.ship}
            name="carrier"
            label={t('field.carrier')}
            options={carriers.map((c) => ({ value: c, label: c }))}
          />
          <Field ctx={ctx} form={forms.ship} name="tracking" label={t('field.trackingNumber')} required />
        </ActionForm>
      )}
      {(['receiveUnit', 'diagnoseUnit', 'markRepaired', 'markUnrepairable', 'closeCase', 'takeBackCase'] as const)
        .filter(can)
        .map((e) => (
          <ActionForm
            ctx={ctx}
            action={`${base}/events/${e}`}
            title={t(`caseEvent.${e}`)}
            tone={e === 'takeBackCase' ? 'danger' : undefined}
          >
            <Field ctx={ctx} name="note" label={t('field.caseNote')} idPrefix={`f-${e}`} />
          </ActionForm>
        ))}
    </div>
  );
}

export function StaffCasePage({
  ctx,
  d,
  x,
  forms = {},
  now,
}: {
  ctx: PageContext;
  d: CasePageData;
  x: StaffExtras;
  forms?: Forms;
  now: Date;
}) {
  const { t, i18n } = ctx;
  const c = d.case;
  const base = `/admin/after-sales/${c.number}`;
  return (
    <AdminShell ctx={ctx} title={t('case.title', { number: c.number })}>
      <div class="toolbar">
        <h1>
          {t('case.title', { number: c.number })} <CaseBadge ctx={ctx} state={c.status} />
        </h1>
        <span>
          <a href={`/admin/orders/${d.order.number}`}>{t('order.title', { number: d.order.number })}</a> ·{' '}
          <a href="/admin/after-sales">{t('admin.backToQueue')}</a>
        </span>
      </div>
      <CaseSummary ctx={ctx} d={d} now={now} />
      <p class="hint">
        <span safe>{d.order.fullName}</span> · <span safe>{d.order.email}</span> · <span safe>{d.order.city}</span>,{' '}
        <span safe>{countryName(d.order.country, i18n.locale)}</span>
      </p>
      <CaseOutcome ctx={ctx} d={d} />
      <Decisions ctx={ctx} d={d} x={x} forms={forms} />
      <CaseLinesTable ctx={ctx} d={d} />
      <h2>{t('field.description')}</h2>
      <p class="case-description" safe>
        {c.description}
      </p>
      <div class="evidence-compare">
        <section class="card">
          <h2>{t('case.evidence')}</h2>
          <MediaGallery ctx={ctx} files={evidenceOf(d.files)} base={`${base}/files`} />
        </section>
        <section class="card">
          <h2>{t('case.packingEvidence')}</h2>
          <PackingEvidenceView
            ctx={ctx}
            evidence={x.evidence}
            lines={x.packingLines}
            urls={staffEvidenceUrls(d.order.number)}
          />
        </section>
      </div>
      <div class="order-grid">
        <CaseThread
          ctx={ctx}
          messages={d.messages}
          files={d.files}
          base={`${base}/files`}
          action={`${base}/messages`}
          errors={forms.thread?.errors}
        />
        <aside>
          <section class="card">
            <h2>{t('order.timeline')}</h2>
            <CaseTimeline ctx={ctx} events={d.events} files={d.files} base={`${base}/files`} showVia />
          </section>
        </aside>
      </div>
    </AdminShell>
  );
}
