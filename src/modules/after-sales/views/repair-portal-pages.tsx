import { countryName } from '../../../platform/countries.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import { Field, type FormState, TextAreaField } from '../../../platform/views/form.js';
import { CsrfField, Layout } from '../../../platform/views/layout.js';
import { ScrollTable } from '../../../platform/views/scroll-table.js';
import type { CaseEvent } from '../case.machine.js';
import type { CaseLine } from '../case.repo.js';
import { centerClocks } from '../case.rules.js';
import type { PortalCase } from '../repair-portal.data.js';
import type { CenterCaseRow } from '../repair-portal.repo.js';
import { CaseBadge, CaseTimeline, CenterDeadlines, DueBadge, MediaGallery } from './case-parts.js';

export const PORTAL = '/repair-centers/cases';

const units = (lines: CaseLine[]) =>
  lines.map((l) => `${l.name}${l.serialNumber ? ` · ${l.serialNumber}` : ''}`).join('; ');

/** "Repair cases": every case routed to the owner's approved centers, with the center's own deadlines. */
export function PortalCasesPage({
  ctx,
  rows,
  lines,
  centers,
  now,
}: {
  ctx: PageContext;
  rows: CenterCaseRow[];
  lines: CaseLine[];
  centers: { id: number; name: string }[];
  now: Date;
}) {
  const { t, i18n } = ctx;
  const centerName = (id: number | null) => centers.find((c) => c.id === id)?.name ?? '';
  return (
    <Layout ctx={ctx} title={t('portal.title')}>
      <p class="breadcrumbs">
        <a href="/repair-centers">{t('repair.ownTitle')}</a>
      </p>
      <h1>{t('portal.title')}</h1>
      <p class="hint">{t('portal.lead')}</p>
      {centers.length === 0 ? (
        <p class="empty card">{t('portal.noCenter')}</p>
      ) : rows.length === 0 ? (
        <p class="empty card">{t('portal.empty')}</p>
      ) : (
        <ScrollTable label={t('portal.title')} class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('case.number')}</th>
              <th scope="col">{t('portal.unit')}</th>
              {centers.length > 1 && <th scope="col">{t('portal.center')}</th>}
              <th scope="col">{t('orders.status')}</th>
              <th scope="col">{t('portal.received')}</th>
              <th scope="col">{t('portal.diagnosisDue')}</th>
              <th scope="col">{t('portal.repairDue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const k = centerClocks(r, now);
              return (
                <tr class={k.diagnosis?.overdue || k.repair?.overdue ? 'overdue' : undefined}>
                  <td>
                    <a href={`${PORTAL}/${r.number}`}>{r.number}</a>
                  </td>
                  <td safe>{units(lines.filter((l) => l.caseId === r.id))}</td>
                  {centers.length > 1 && <td safe>{centerName(r.repairCenterId)}</td>}
                  <td>
                    <CaseBadge ctx={ctx} state={r.status} />
                  </td>
                  <td>{r.unitReceivedAt ? i18n.date(r.unitReceivedAt) : '—'}</td>
                  <td>{k.diagnosis ? <DueBadge ctx={ctx} dueAt={k.diagnosis.dueAt} now={now} /> : '—'}</td>
                  <td>{k.repair ? <DueBadge ctx={ctx} dueAt={k.repair.dueAt} now={now} /> : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      )}
    </Layout>
  );
}

export type PortalForms = Partial<Record<'diagnosis' | 'unrepairable', FormState>>;

/** One step's form: a note, and photos for a diagnosis (multipart, like the buyer's). */
function StepForm({
  ctx,
  base,
  event,
  form,
  primary,
}: {
  ctx: PageContext;
  base: string;
  event: CaseEvent;
  form?: FormState;
  primary?: boolean;
}) {
  const { t } = ctx;
  const diagnosis = event === 'diagnoseUnit';
  const error = form?.errors && (form.errors._form ?? form.errors.media);
  return (
    <form
      method="post"
      action={diagnosis ? `${base}/diagnosis` : `${base}/events/${event}`}
      class="card"
      enctype={diagnosis ? 'multipart/form-data' : undefined}
      novalidate
    >
      <h3>{t(`portal.step.${event}` as 'portal.step.receiveUnit')}</h3>
      <CsrfField ctx={ctx} />
      {error && (
        <p class="form-error" role="alert">
          {t(error)}
        </p>
      )}
      {diagnosis ? (
        <>
          <TextAreaField ctx={ctx} form={form} name="note" label={t('portal.findings')} rows={3} />
          <div class="field">
            <label for="f-media">{t('portal.photos')}</label>
            <input
              id="f-media"
              name="media"
              type="file"
              multiple
              accept="image/jpeg,image/png,image/webp,video/mp4,video/quicktime,video/webm"
            />
          </div>
        </>
      ) : (
        <Field ctx={ctx} form={form} name="note" label={t('field.caseNote')} idPrefix={`f-${event}`} />
      )}
      <button type="submit" class={primary ? 'primary' : event === 'markUnrepairable' ? 'danger' : ''}>
        {t(`caseEvent.${event}`)}
      </button>
    </form>
  );
}

/** A routed case as its center's owner works it: the unit, the fault, the buyer's media, where to ship it back. */
export function PortalCasePage({
  ctx,
  d,
  forms = {},
  now,
}: {
  ctx: PageContext;
  d: PortalCase;
  forms?: PortalForms;
  now: Date;
}) {
  const { t, i18n } = ctx;
  const c = d.case;
  const base = `${PORTAL}/${c.number}`;
  const r = d.returnTo;
  const steps = (['receiveUnit', 'diagnoseUnit', 'markRepaired', 'markUnrepairable'] as const).filter((e) =>
    d.actions.includes(e),
  );
  return (
    <Layout ctx={ctx} title={t('case.title', { number: c.number })} scripts={['/vendor/ext/sse.js']}>
      {/* Support or the buyer acting elsewhere refreshes the state, the deadlines and the timeline. */}
      <div hx-ext="sse" sse-connect={`${base}/live`}>
        <div
          hx-get={base}
          hx-trigger="sse:changed"
          hx-select="#case-main"
          hx-target="#case-main"
          hx-swap="outerHTML"
          hx-select-oob="#case-head,#case-timeline"
        />
      </div>
      <p class="breadcrumbs">
        <a href={PORTAL}>{t('portal.title')}</a>
      </p>
      <div class="toolbar" id="case-head">
        <h1>
          {t('case.title', { number: c.number })} <CaseBadge ctx={ctx} state={c.status} />
        </h1>
        {d.center && <span safe>{`${d.center.name} · ${d.center.city}`}</span>}
      </div>
      <div class="order-grid">
        <div id="case-main">
          <dl class="case-facts">
            <dt>{t('field.caseType')}</dt>
            <dd>{t(`caseType.${c.type}`)}</dd>
            <dt>{t('portal.received')}</dt>
            <dd>{c.unitReceivedAt ? i18n.dateTime(c.unitReceivedAt) : t('portal.notYet')}</dd>
            <CenterDeadlines ctx={ctx} c={c} now={now} />
          </dl>
          {steps.length > 0 && (
            <div class="case-actions">
              {steps.map((e) => (
                <StepForm
                  ctx={ctx}
                  base={base}
                  event={e}
                  form={
                    e === 'diagnoseUnit' ? forms.diagnosis : e === 'markUnrepairable' ? forms.unrepairable : undefined
                  }
                  primary={e === 'receiveUnit' || e === 'markRepaired'}
                />
              ))}
            </div>
          )}
          <ScrollTable label={t('case.lines')} class="lines-table">
            <caption>{t('case.lines')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cart.product')}</th>
                <th scope="col">{t('field.serialNumber')}</th>
                <th scope="col" class="num">
                  {t('field.quantity')}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.lines.map((l) => (
                <tr>
                  <td safe>{l.name}</td>
                  <td safe>{l.serialNumber ?? '—'}</td>
                  <td class="num">{String(l.quantity)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          <h2>{t('portal.fault')}</h2>
          <p class="case-description" safe>
            {c.description}
          </p>
          <h2>{t('portal.buyerMedia')}</h2>
          <MediaGallery ctx={ctx} files={d.files.filter((f) => f.eventId === null)} base={`${base}/files`} />
          <section class="card">
            <h2>{t('portal.returnTo')}</h2>
            <address>
              <strong safe>{r.fullName}</strong>
              <br />
              <span safe>{r.address}</span>
              <br />
              <span safe>{`${r.postalCode} ${r.city}`}</span>, {countryName(r.country, i18n.locale)}
              <br />
              <span safe>{r.phone}</span>
            </address>
          </section>
        </div>
        <aside>
          <section class="card" id="case-timeline">
            <h2>{t('order.timeline')}</h2>
            <CaseTimeline ctx={ctx} events={d.events} files={d.files} base={`${base}/files`} />
          </section>
        </aside>
      </div>
    </Layout>
  );
}
