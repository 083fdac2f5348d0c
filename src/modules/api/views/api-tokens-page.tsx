import type { PageContext } from '../../../platform/http/page-context.js';
import { AdminShell } from '../../../platform/views/admin-shell.js';
import { Field, FormError, type FormState, SelectField } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import type { ApiTokenRow } from '../token.repo.js';
import { tokenRoles } from '../token.rules.js';

const dayChoices = [30, 90, 180, 366] as const;

function state(ctx: PageContext, t: ApiTokenRow, now: Date) {
  if (t.revokedAt) return <span class="badge muted">{ctx.t('apiToken.revoked')}</span>;
  if (t.expiresAt <= now) return <span class="badge muted">{ctx.t('apiToken.expired')}</span>;
  return <span class="badge done">{ctx.t('apiToken.active')}</span>;
}

export function ApiTokensPage({
  ctx,
  tokens,
  form,
  created,
}: {
  ctx: PageContext;
  tokens: ApiTokenRow[];
  form?: FormState;
  created?: { name: string; token: string };
}) {
  const { t } = ctx;
  const now = new Date();
  const chosen = new Set((form?.values?.roles ?? '').split(','));
  const rolesError = form?.errors?.roles;
  return (
    <AdminShell ctx={ctx} title={t('apiToken.title')}>
      <h1>{t('apiToken.title')}</h1>
      <p class="hint">
        {t('apiToken.intro')} <a href="/api/v1/docs">{t('apiDocs.title')}</a>
      </p>
      {created && (
        <div class="notice" role="status">
          <p>{t('apiToken.createdOnce', { name: created.name })}</p>
          <p>
            <code class="secret" safe>
              {created.token}
            </code>
          </p>
        </div>
      )}
      <h2>{t('apiToken.create')}</h2>
      <form method="post" action="/admin/api-tokens" class="stack">
        <CsrfField ctx={ctx} />
        <FormError ctx={ctx} form={form} />
        <Field ctx={ctx} form={form} name="name" label={t('apiToken.name')} required attrs={{ maxlength: '80' }} />
        <fieldset class={rolesError ? 'field has-error' : 'field'}>
          <legend>{t('apiToken.roles')}</legend>
          {tokenRoles.map((r) => (
            <label>
              <input type="checkbox" name="roles" value={r} checked={chosen.has(r)} /> {t(`role.${r}`)}
            </label>
          ))}
          {rolesError && (
            <p class="field-error" role="alert">
              {t(rolesError)}
            </p>
          )}
        </fieldset>
        <SelectField
          ctx={ctx}
          form={form}
          name="days"
          label={t('apiToken.expiresIn')}
          value="90"
          options={dayChoices.map((d) => ({ value: String(d), label: t('apiToken.days', { days: d }) }))}
        />
        <button type="submit">{t('apiToken.create')}</button>
      </form>
      <h2>{t('apiToken.list')}</h2>
      {tokens.length === 0 ? (
        <p class="hint">{t('apiToken.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('apiToken.name')}</th>
              <th>{t('apiToken.roles')}</th>
              <th>{t('apiToken.madeBy')}</th>
              <th>{t('apiToken.expires')}</th>
              <th>{t('apiToken.lastUsed')}</th>
              <th>{t('apiToken.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((tok) => (
              <tr>
                <td>
                  <span safe>{tok.name}</span> <code safe>{`${tok.prefix}…`}</code>
                </td>
                <td>{tok.roles.map((r) => t(`role.${r as (typeof tokenRoles)[number]}`)).join(', ')}</td>
                <td safe>{tok.createdByName ?? ''}</td>
                <td>{ctx.i18n.date(tok.expiresAt)}</td>
                <td>{tok.lastUsedAt ? ctx.i18n.dateTime(tok.lastUsedAt) : t('apiToken.never')}</td>
                <td>{state(ctx, tok, now)}</td>
                <td>
                  {!tok.revokedAt && (
                    <form method="post" action={`/admin/api-tokens/${tok.id}/revoke`}>
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="danger">
                        {t('apiToken.revoke')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminShell>
  );
}
