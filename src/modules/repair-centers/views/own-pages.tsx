import { escapeHtml } from '@kitajs/html';
import { countryName } from '../../../platform/countries.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import { Layout } from '../../../platform/views/layout.js';
import { type RepairCenter, submittedVersion } from '../repair-center.repo.js';
import { CenterDetails, StatusBadge } from './center-details.js';
import { CenterForm, type RepairFormState } from './center-form.js';

/** "Repair Center": the user's own centers with their status. */
export function OwnCentersPage({ ctx, centers }: { ctx: PageContext; centers: RepairCenter[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('repair.ownTitle')}>
      <div class="toolbar">
        <h1>{t('repair.ownTitle')}</h1>
        <a href="/repair-centers/new" class="button primary">
          {t('repair.create')}
        </a>
      </div>
      <p class="hint">{t('repair.ownLead')}</p>
      {centers.some((c) => c.publishedAt) && (
        <p>
          <a href="/repair-centers/cases">{t('portal.link')}</a>
        </p>
      )}
      {centers.length === 0 ? (
        <p class="empty">{t('repair.ownEmpty')}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('repair.name')}</th>
              <th scope="col">{t('repair.country')}</th>
              <th scope="col">{t('repair.statusCol')}</th>
            </tr>
          </thead>
          <tbody>
            {centers.map((c) => {
              const v = submittedVersion(c);
              return (
                <tr>
                  <td>
                    <a href={`/repair-centers/${c.id}`} safe>
                      {v.name}
                    </a>
                  </td>
                  <td safe>{`${v.city}, ${countryName(v.country, ctx.i18n.locale)}`}</td>
                  <td>
                    <StatusBadge ctx={ctx} c={c} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export function NewCenterPage({ ctx, form }: { ctx: PageContext; form?: RepairFormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('repair.create')}>
      <p class="breadcrumbs">
        <a href="/repair-centers">{t('repair.ownTitle')}</a>
      </p>
      <h1>{t('repair.create')}</h1>
      <p class="hint">{t('repair.createLead')}</p>
      <CenterForm ctx={ctx} action={ctx.href('/repair-centers')} form={form} />
    </Layout>
  );
}

/** One own center: its status, the reviewer's reason, the public version, and the form to change it. */
export function OwnCenterPage({ ctx, c, form }: { ctx: PageContext; c: RepairCenter; form?: RepairFormState }) {
  const { t } = ctx;
  const v = submittedVersion(c);
  const title = escapeHtml(v.name);
  return (
    <Layout ctx={ctx} title={title}>
      <p class="breadcrumbs">
        <a href="/repair-centers">{t('repair.ownTitle')}</a>
      </p>
      <h1>{title}</h1>
      <p>
        <StatusBadge ctx={ctx} c={c} />
      </p>
      {(c.status === 'rejected' || c.status === 'withdrawn') && (
        <div class="error-box" role="status">
          <p>
            <strong>{t(c.status === 'withdrawn' ? 'repair.withdrawnBecause' : 'repair.rejectedBecause')}</strong>
          </p>
          <p class="prewrap" safe>
            {c.rejectionReason ?? ''}
          </p>
          <p>{t('repair.correctAndResubmit')}</p>
        </div>
      )}
      {c.publishedAt && (
        <p>
          <a href={`/asic-miner-repair/${c.id}`}>{t('repair.viewPublic')}</a>
          {c.pending && ` · ${t('repair.pendingHint')}`}
        </p>
      )}
      {c.pending && (
        <details class="card">
          <summary>{t('repair.publicVersion')}</summary>
          <CenterDetails ctx={ctx} d={{ ...c, photos: c.photos }} headingLevel={3} />
        </details>
      )}
      <h2>{t('repair.edit')}</h2>
      <CenterForm ctx={ctx} action={ctx.href(`/repair-centers/${c.id}`)} d={v} form={form} />
    </Layout>
  );
}
