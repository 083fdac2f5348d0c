import type { PageContext } from '../../../platform/http/page-context.js';
import { type Locale, locales } from '../../../platform/i18n/index.js';
import { AdminShell } from '../../../platform/views/admin-shell.js';
import type { FormState } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { type HelpSlug, helpSlugs } from '../help.rules.js';
import { helpTitle } from './help-pages.js';

export function HelpAdminList({ ctx, overridden }: { ctx: PageContext; overridden: Set<string> }) {
  const { t } = ctx;
  return (
    <AdminShell ctx={ctx} title={t('admin.helpPages')}>
      <h1>{t('admin.helpPages')}</h1>
      <p class="hint">{t('helpAdmin.hint')}</p>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('helpAdmin.page')}</th>
            {locales.map((l) => (
              <th scope="col">{t(`locale.${l}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {helpSlugs.map((s) => (
            <tr>
              <td>
                <a href={`/help/${s}`}>{t(helpTitle(s))}</a>
              </td>
              {locales.map((l) => (
                <td>
                  <a href={`/admin/help/${s}/${l}`}>{t('helpAdmin.edit')}</a>{' '}
                  {overridden.has(`${s}/${l}`) ? (
                    <span class="badge staff">{t('helpAdmin.edited')}</span>
                  ) : (
                    <span class="badge muted">{t('helpAdmin.default')}</span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </AdminShell>
  );
}

interface EditView {
  slug: HelpSlug;
  locale: Locale;
  markdown: string;
  preview: string;
  overridden: boolean;
  numbers: Record<string, string>;
  form?: FormState;
}

export function HelpAdminEdit({ ctx, v }: { ctx: PageContext; v: EditView }) {
  const { t } = ctx;
  const error = v.form?.errors?.markdown;
  const action = `/admin/help/${v.slug}/${v.locale}`;
  return (
    <AdminShell ctx={ctx} title={t(helpTitle(v.slug))}>
      <p class="breadcrumbs">
        <a href="/admin/help">{t('admin.helpPages')}</a>
      </p>
      <h1>
        {t(helpTitle(v.slug))} · {t(`locale.${v.locale}`)}
      </h1>
      <form method="post" action={action} class="help-editor">
        <CsrfField ctx={ctx} />
        <div class={error ? 'field has-error' : 'field'}>
          <label for="f-markdown">{t('helpAdmin.markdown')}</label>
          <textarea
            id="f-markdown"
            name="markdown"
            rows="24"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby="f-markdown-hint"
            safe
          >
            {v.form?.values?.markdown ?? v.markdown}
          </textarea>
          <p class="hint" id="f-markdown-hint">
            {t('helpAdmin.markdownHint')}
          </p>
          {error && <p class="field-error">{t(error)}</p>}
        </div>
        <button type="submit" class="primary">
          {t('admin.save')}
        </button>
      </form>
      {v.overridden && (
        <form method="post" action={`${action}/reset`} class="inline">
          <CsrfField ctx={ctx} />
          <button type="submit" class="link">
            {t('helpAdmin.reset')}
          </button>
        </form>
      )}
      <details class="card">
        <summary>{t('helpAdmin.placeholders')}</summary>
        <table class="data-table">
          <tbody>
            {Object.entries(v.numbers).map(([k, val]) => (
              <tr>
                <th scope="row">
                  <code safe>{`{{${k}}}`}</code>
                </th>
                <td safe>{val}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <section class="card prose">
        <h2>{t('helpAdmin.preview')}</h2>
        {v.preview}
      </section>
    </AdminShell>
  );
}
