import type { FieldErrors } from '../../../platform/http/forms.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import { CsrfField, Layout } from '../../../platform/views/layout.js';
import { ScrollTable } from '../../../platform/views/scroll-table.js';
import { trackingUrl } from '../../shipping/index.js';
import { caseMachine } from '../case.machine.js';
import type { CaseState, CaseType } from '../case.states.js';
import type { CasePageData } from '../case-page.data.js';
import {
  CaseBadge,
  CaseThread,
  CaseTimeline,
  CenterDeadlines,
  DueBadge,
  evidenceOf,
  MediaGallery,
} from './case-parts.js';

export function CaseLinesTable({ ctx, d }: { ctx: PageContext; d: CasePageData }) {
  const { t } = ctx;
  return (
    <ScrollTable label={t('case.lines')} class="lines-table">
      <caption>{t('case.lines')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('spec.sku')}</th>
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
            <td safe>{l.sku}</td>
            <td safe>{l.name}</td>
            <td safe>{l.serialNumber ?? '—'}</td>
            <td class="num">{String(l.quantity)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** The facts and the promise currently running, shared by both sides' pages. */
export function CaseSummary({ ctx, d, now }: { ctx: PageContext; d: CasePageData; now: Date }) {
  const { t, i18n } = ctx;
  const c = d.case;
  const undecided = caseMachine.is.undecided(c.status);
  return (
    <dl class="case-facts">
      <dt>{t('field.caseType')}</dt>
      <dd>{t(`caseType.${c.type}`)}</dd>
      <dt>{t('case.opened')}</dt>
      <dd>{i18n.dateTime(c.createdAt)}</dd>
      <dt>{t('case.standard')}</dt>
      <dd>{t(`caseResolution.${c.standardResolution}`)}</dd>
      {c.resolution && (
        <>
          <dt>{t('case.decided')}</dt>
          <dd>{t(`caseResolution.${c.resolution}`)}</dd>
        </>
      )}
      {undecided && (
        <>
          <dt>{t('case.decisionDue')}</dt>
          <dd>
            <DueBadge ctx={ctx} dueAt={c.decisionDueAt} now={now} />
          </dd>
        </>
      )}
      <CenterDeadlines ctx={ctx} c={c} now={now} />
      {c.status === 'awaiting_reissue' && c.reissueDueAt && (
        <>
          <dt>{t('case.reissueDue')}</dt>
          <dd>
            <DueBadge ctx={ctx} dueAt={c.reissueDueAt} now={now} />
          </dd>
        </>
      )}
    </dl>
  );
}

/** Where things stand: the repair center to send to, the replacement's tracking, or why it was refused. */
export function CaseOutcome({ ctx, d }: { ctx: PageContext; d: CasePageData }) {
  const { t } = ctx;
  const c = d.case;
  return (
    <>
      {c.status === 'rejected' && c.rejectionReason && (
        <p class="notice problem" role="status">
          {t('case.rejectedBecause', { reason: c.rejectionReason })}
        </p>
      )}
      {d.center && c.resolution === 'repair' && (
        <section class="card">
          <h2>{c.status === 'awaiting_unit' ? t('case.sendUnitTo') : t('case.repairCenter')}</h2>
          <address>
            <strong safe>{d.center.name}</strong>
            <br />
            <span safe>{d.center.address}</span>
            <br />
            <span safe>{`${d.center.city}, ${d.center.country}`}</span>
            <br />
            <span safe>{d.center.phone}</span> · <span safe>{d.center.email}</span>
          </address>
        </section>
      )}
      {c.reissueCarrier && c.reissueTracking && (
        <section class="card">
          <h2>{t('case.reissueShipment')}</h2>
          <p>
            <span safe>{c.reissueCarrier}</span>:{' '}
            {trackingUrl(c.reissueCarrier, c.reissueTracking) ? (
              <a
                href={trackingUrl(c.reissueCarrier, c.reissueTracking) ?? ''}
                rel="noopener noreferrer"
                target="_blank"
                safe
              >
                {c.reissueTracking}
              </a>
            ) : (
              <span safe>{c.reissueTracking}</span>
            )}
          </p>
        </section>
      )}
    </>
  );
}

export function CustomerCasePage({
  ctx,
  d,
  now,
  threadError,
}: {
  ctx: PageContext;
  d: CasePageData;
  now: Date;
  threadError?: FieldErrors;
}) {
  const { t } = ctx;
  const c = d.case;
  const base = `/after-sales/${c.number}`;
  return (
    <Layout ctx={ctx} title={t('case.title', { number: c.number })} scripts={['/vendor/ext/sse.js']}>
      {/* When support acts, the state, deadlines, outcome and timeline re-fetch themselves;
          the message being written is left alone. */}
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
      <div class="toolbar" id="case-head">
        <h1>
          {t('case.title', { number: c.number })} <CaseBadge ctx={ctx} state={c.status} />
        </h1>
        <a href={`/orders/${d.order.number}`}>{t('order.title', { number: d.order.number })}</a>
      </div>
      <div class="order-grid">
        <div id="case-main">
          <CaseSummary ctx={ctx} d={d} now={now} />
          <CaseOutcome ctx={ctx} d={d} />
          {d.actions.includes('confirmReissueReceived') && (
            <form method="post" action={ctx.href(`${base}/events/confirmReissueReceived`)} class="card">
              <CsrfField ctx={ctx} />
              <p>{t('case.confirmHint')}</p>
              <button type="submit" class="primary">
                {t('caseEvent.confirmReissueReceived')}
              </button>
            </form>
          )}
          <CaseLinesTable ctx={ctx} d={d} />
          <h2>{t('field.description')}</h2>
          <p class="case-description" safe>
            {c.description}
          </p>
          <h2>{t('case.yourEvidence')}</h2>
          <MediaGallery ctx={ctx} files={evidenceOf(d.files)} base={`${base}/files`} />
        </div>
        <aside>
          <section class="card" id="case-timeline">
            <h2>{t('order.timeline')}</h2>
            <CaseTimeline ctx={ctx} events={d.events} files={d.files} base={`${base}/files`} />
          </section>
          <CaseThread
            ctx={ctx}
            messages={d.messages}
            files={d.files}
            base={`${base}/files`}
            action={ctx.href(`${base}/messages`)}
            errors={threadError}
          />
        </aside>
      </div>
    </Layout>
  );
}

export interface CaseRow {
  number: string;
  type: CaseType;
  status: CaseState;
  dueAt: Date | null;
  createdAt: Date;
}

export function MyCasesPage({ ctx, rows, now }: { ctx: PageContext; rows: CaseRow[]; now: Date }) {
  const { t, i18n } = ctx;
  return (
    <Layout ctx={ctx} title={t('nav.afterSales')}>
      <h1>{t('nav.afterSales')}</h1>
      {rows.length === 0 ? (
        <p class="empty card">{t('case.listEmpty')}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('case.number')}</th>
              <th scope="col">{t('orders.date')}</th>
              <th scope="col">{t('field.caseType')}</th>
              <th scope="col">{t('orders.status')}</th>
              <th scope="col">{t('case.due')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>
                  <a href={`/after-sales/${r.number}`}>{r.number}</a>
                </td>
                <td>{i18n.date(r.createdAt)}</td>
                <td>{t(`caseType.${r.type}`)}</td>
                <td>
                  <CaseBadge ctx={ctx} state={r.status} />
                </td>
                <td>
                  <DueBadge ctx={ctx} dueAt={r.dueAt} now={now} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
