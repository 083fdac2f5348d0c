import { escapeHtml } from '@kitajs/html';
import { countryName } from '../../../platform/countries.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import { AdminShell } from '../../../platform/views/admin-shell.js';
import { ExportLinks } from '../../../platform/views/export-links.js';
import { type FormState, TextAreaField } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { type RepairCenter, submittedVersion } from '../repair-center.repo.js';
import { REVIEW_BUSINESS_DAYS } from '../repair-center.rules.js';
import { CenterDetails, StatusBadge } from './center-details.js';

interface QueueRow {
  id: number;
  name: string;
  country: string;
  isEdit: boolean;
  submittedAt: Date;
  ownerEmail: string;
}

const HOUR = 3_600_000;

function Age({ ctx, since, now }: { ctx: PageContext; since: Date; now: Date }) {
  const hours = Math.max(0, Math.floor((now.getTime() - since.getTime()) / HOUR));
  const label =
    hours < 48 ? ctx.t('repair.ageHours', { n: hours }) : ctx.t('repair.ageDays', { n: Math.floor(hours / 24) });
  // Past the longest promised review time (calendar days, so it errs on the side of "late").
  const late = hours > REVIEW_BUSINESS_DAYS.max * 24;
  return <span class={late ? 'badge problem' : 'badge staff'}>{label}</span>;
}

export function ReviewQueuePage({ ctx, rows, now }: { ctx: PageContext; rows: QueueRow[]; now: Date }) {
  const { t, i18n } = ctx;
  return (
    <AdminShell ctx={ctx} title={t('repair.queueTitle')}>
      <h1>
        {t('repair.queueTitle')} <span class="badge muted">{String(rows.length)}</span>
      </h1>
      <ExportLinks ctx={ctx} path="/admin/repair-centers.csv" filter="status=in_review" />
      <p class="hint">{t('repair.queueHint')}</p>
      {rows.length === 0 ? (
        <p class="empty">{t('repair.queueEmpty')}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('repair.name')}</th>
              <th scope="col">{t('repair.country')}</th>
              <th scope="col">{t('repair.kind')}</th>
              <th scope="col">{t('repair.owner')}</th>
              <th scope="col">{t('repair.submitted')}</th>
              <th scope="col">{t('repair.age')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>
                  <a href={`/admin/repair-centers/${r.id}`} safe>
                    {r.name}
                  </a>
                </td>
                <td safe>{countryName(r.country, i18n.locale)}</td>
                <td>{t(r.isEdit ? 'repair.kindEdit' : 'repair.kindNew')}</td>
                <td safe>{r.ownerEmail}</td>
                <td>{i18n.dateTime(r.submittedAt)}</td>
                <td>
                  <Age ctx={ctx} since={r.submittedAt} now={now} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminShell>
  );
}

export function ReviewPage({
  ctx,
  c,
  ownerEmail,
  form,
  withdraw,
}: {
  ctx: PageContext;
  c: RepairCenter;
  ownerEmail: string;
  form?: FormState;
  /** A refused withdrawal (no reason). */
  withdraw?: FormState;
}) {
  const { t } = ctx;
  const v = submittedVersion(c);
  const title = escapeHtml(v.name);
  const reasonError = form?.errors?.reason;
  return (
    <AdminShell ctx={ctx} title={title}>
      <p class="breadcrumbs">
        <a href="/admin/repair-centers">{t('repair.queueTitle')}</a>
      </p>
      <h1>{title}</h1>
      <p>
        <StatusBadge ctx={ctx} c={c} /> · <span safe>{ownerEmail}</span> · {ctx.i18n.dateTime(c.submittedAt)}
      </p>
      {(c.status === 'rejected' || c.status === 'withdrawn') && (
        <p class="notice">
          {t(c.status === 'withdrawn' ? 'repair.withdrawnBecause' : 'repair.rejectedBecause')}{' '}
          <span safe>{c.rejectionReason ?? ''}</span>
        </p>
      )}
      <div class={c.pending ? 'review-compare' : undefined}>
        <section class="card">
          <h2>{t(c.pending ? 'repair.submittedChange' : 'repair.submittedCenter')}</h2>
          <CenterDetails ctx={ctx} d={v} headingLevel={3} />
        </section>
        {c.pending && (
          <section class="card">
            <h2>{t('repair.publicVersion')}</h2>
            <CenterDetails ctx={ctx} d={c} headingLevel={3} />
          </section>
        )}
      </div>
      {c.status === 'in_review' && (
        <div class="review-actions">
          <form method="post" action={`/admin/repair-centers/${c.id}/approve`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="revision" value={String(c.revision)} />
            <button type="submit" class="primary">
              {t('repair.approve')}
            </button>
          </form>
          <form method="post" action={`/admin/repair-centers/${c.id}/reject`} class="card" novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="revision" value={String(c.revision)} />
            <div class={reasonError ? 'field has-error' : 'field'}>
              <label for="f-reason">{t('repair.reason')}</label>
              <textarea
                id="f-reason"
                name="reason"
                rows="3"
                required
                aria-invalid={reasonError ? 'true' : undefined}
                aria-describedby={reasonError ? 'f-reason-error' : 'f-reason-hint'}
                safe
              >
                {form?.values?.reason ?? ''}
              </textarea>
              <p class="hint" id="f-reason-hint">
                {t('repair.reasonHint')}
              </p>
              {reasonError && (
                <p class="field-error" id="f-reason-error">
                  {t(reasonError)}
                </p>
              )}
            </div>
            <button type="submit" class="danger">
              {t('repair.reject')}
            </button>
          </form>
        </div>
      )}
      {c.publishedAt && (
        // Approved centers can be taken off the directory and out of after-sales routing.
        <form method="post" action={`/admin/repair-centers/${c.id}/withdraw`} class="card" novalidate>
          <h2>{t('repair.withdraw')}</h2>
          <CsrfField ctx={ctx} />
          <TextAreaField
            ctx={ctx}
            form={withdraw}
            name="withdrawReason"
            label={t('repair.withdrawReason')}
            hint={t('repair.withdrawHint')}
          />
          <button type="submit" class="danger">
            {t('repair.withdraw')}
          </button>
        </form>
      )}
    </AdminShell>
  );
}
