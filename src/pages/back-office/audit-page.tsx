import { type AuditPage as AuditRows, auditActions, auditSubjects } from '../../platform/audit/index.js';
import type { PageContext } from '../../platform/http/page-context.js';
import { AdminShell } from '../../platform/views/admin-shell.js';
import { Field, FormError, type FormState, SelectField } from '../../platform/views/form.js';
import { ScrollTable } from '../../platform/views/scroll-table.js';
import { viaLabel } from '../../platform/views/via-label.js';

const filterKeys = ['actor', 'action', 'subject', 'subjectId', 'from', 'to'] as const;

export const auditHref = (values: Record<string, string | undefined>, after?: number) => {
  const params = new URLSearchParams();
  for (const k of filterKeys) if (values[k]) params.set(k, values[k]!);
  if (after) params.set('after', String(after));
  const s = params.toString();
  return s ? `/admin/audit?${s}` : '/admin/audit';
};

const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v, null, 1));

/** The audit log, newest first. `refused`: a filter value the log does not have (400, nothing listed). */
export function AuditPage({
  ctx,
  values,
  refused,
  page,
}: {
  ctx: PageContext;
  values: Record<string, string>;
  refused?: FormState;
  page?: AuditRows;
}) {
  const { t, i18n } = ctx;
  const form: FormState = refused ?? { values };
  const keep = Object.fromEntries(filterKeys.map((k) => [k, values[k]]));
  return (
    <AdminShell ctx={ctx} title={t('audit.title')}>
      <h1>{t('audit.title')}</h1>
      <p class="hint">{t('audit.hint')}</p>
      <form method="get" action="/admin/audit" class="directory-filters" aria-label={t('audit.filters')}>
        <Field ctx={ctx} form={form} name="actor" label={t('audit.actorId')} attrs={{ inputmode: 'numeric' }} />
        <SelectField
          ctx={ctx}
          form={form}
          name="action"
          label={t('audit.action')}
          placeholder={t('orderList.any')}
          options={auditActions.map((a) => ({ value: a, label: a }))}
        />
        <SelectField
          ctx={ctx}
          form={form}
          name="subject"
          label={t('audit.subject')}
          placeholder={t('orderList.any')}
          options={auditSubjects.map((s) => ({ value: s, label: s }))}
        />
        <Field ctx={ctx} form={form} name="subjectId" label={t('audit.subjectId')} />
        <Field ctx={ctx} form={form} name="from" type="date" label={t('orderList.from')} />
        <Field ctx={ctx} form={form} name="to" type="date" label={t('orderList.to')} />
        <div class="field">
          <button type="submit">{t('orderList.apply')}</button> <a href="/admin/audit">{t('orderList.clear')}</a>
        </div>
      </form>
      <FormError ctx={ctx} form={refused} />
      {refused ? (
        <p class="notice problem" role="alert">
          {t('orderList.refused')}
        </p>
      ) : !page || page.rows.length === 0 ? (
        <p class="empty">{t('audit.empty')}</p>
      ) : (
        <>
          <ScrollTable label={t('audit.title')} class="data-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.subject')}</th>
                <th scope="col">{t('audit.before')}</th>
                <th scope="col">{t('audit.after')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr>
                  <td>{String(r.id)}</td>
                  <td>{i18n.dateTime(r.at)}</td>
                  <td>
                    <span safe>{r.actorName}</span> <small safe>{r.actorEmail}</small>
                    {r.via && <small safe>{` (${viaLabel(i18n.locale, r.via)})`}</small>}
                  </td>
                  <td safe>{r.action}</td>
                  <td safe>{`${r.subjectType} ${r.subjectId}`}</td>
                  <td>
                    <pre class="audit-json" safe>
                      {json(r.before)}
                    </pre>
                  </td>
                  <td>
                    <pre class="audit-json" safe>
                      {json(r.after)}
                    </pre>
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          <nav class="pager" aria-label={t('orderList.pages')}>
            {values.after && <a href={auditHref(keep)}>{t('orderList.first')}</a>}{' '}
            {page.next && (
              <a href={auditHref(keep, page.next)} rel="next">
                {t('orderList.older')}
              </a>
            )}
          </nav>
        </>
      )}
    </AdminShell>
  );
}
