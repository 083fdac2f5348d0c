import type { PageContext } from '../../../platform/http/page-context.js';
import { AdminShell } from '../../../platform/views/admin-shell.js';
import { Field, FormError, type FormState } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { ScrollTable } from '../../../platform/views/scroll-table.js';
import { webhookEventTypes } from '../webhook.events.js';
import type { EndpointRow } from '../webhook.repo.js';

export function EndpointState({ ctx, e }: { ctx: PageContext; e: Pick<EndpointRow, 'enabled' | 'disabledReason'> }) {
  const { t } = ctx;
  if (e.enabled) return <span class="badge done">{t('webhook.on')}</span>;
  return e.disabledReason === 'failing' ? (
    <span class="badge problem">{t('webhook.offFailing')}</span>
  ) : (
    <span class="badge muted">{t('webhook.off')}</span>
  );
}

/** The on/off button of an endpoint, on the list and on its own page. */
export function ToggleForm({ ctx, e }: { ctx: PageContext; e: { id: number; enabled: boolean } }) {
  return (
    <form method="post" action={`/admin/webhooks/${e.id}/${e.enabled ? 'disable' : 'enable'}`}>
      <CsrfField ctx={ctx} />
      <button type="submit" class={e.enabled ? 'danger' : undefined}>
        {ctx.t(e.enabled ? 'webhook.disable' : 'webhook.enable')}
      </button>
    </form>
  );
}

/** Endpoints an admin must look at: turned off because they failed for a whole retry schedule. */
export function FailingNotices({ ctx, endpoints }: { ctx: PageContext; endpoints: EndpointRow[] }) {
  return (
    <>
      {endpoints
        .filter((e) => e.disabledReason === 'failing')
        .map((e) => (
          <div class="notice problem" role="alert">
            <p safe>
              {ctx.t('webhook.disabledNotice', {
                url: e.url,
                when: e.disabledAt ? ctx.i18n.dateTime(e.disabledAt) : '',
              })}
            </p>
          </div>
        ))}
    </>
  );
}

export function WebhooksPage({
  ctx,
  endpoints,
  form,
  created,
}: {
  ctx: PageContext;
  endpoints: EndpointRow[];
  form?: FormState;
  created?: { url: string; secret: string };
}) {
  const { t } = ctx;
  const chosen = new Set((form?.values?.events ?? '').split(','));
  const eventsError = form?.errors?.events;
  return (
    <AdminShell ctx={ctx} title={t('webhook.title')}>
      <h1>{t('webhook.title')}</h1>
      <p class="hint">{t('webhook.intro')}</p>
      <FailingNotices ctx={ctx} endpoints={endpoints} />
      {created && (
        <div class="notice" role="status">
          <p safe>{t('webhook.createdOnce', { url: created.url })}</p>
          <p>
            <code class="secret" safe>
              {created.secret}
            </code>
          </p>
        </div>
      )}
      <h2>{t('webhook.list')}</h2>
      {endpoints.length === 0 ? (
        <p class="hint">{t('webhook.none')}</p>
      ) : (
        <ScrollTable label={t('webhook.list')} class="data-table">
          <thead>
            <tr>
              <th>{t('webhook.url')}</th>
              <th>{t('webhook.events')}</th>
              <th>{t('webhook.state')}</th>
              <th>{t('webhook.waiting')}</th>
              <th>{t('webhook.failed')}</th>
              <th>{t('apiToken.madeBy')}</th>
              <th>
                <span class="visually-hidden">{t('webhook.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((e) => (
              <tr>
                <td>
                  <a href={`/admin/webhooks/${e.id}`} safe>
                    {e.url}
                  </a>
                  {e.description && (
                    <>
                      <br />
                      <span class="hint" safe>
                        {e.description}
                      </span>
                    </>
                  )}
                </td>
                <td>
                  <code safe>{e.events.join(', ')}</code>
                </td>
                <td>
                  <EndpointState ctx={ctx} e={e} />
                </td>
                <td>{ctx.i18n.number(e.pending)}</td>
                <td>{ctx.i18n.number(e.failed)}</td>
                <td safe>{e.createdByName ?? ''}</td>
                <td>
                  <ToggleForm ctx={ctx} e={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <h2>{t('webhook.create')}</h2>
      <form method="post" action="/admin/webhooks" class="stack">
        <CsrfField ctx={ctx} />
        <FormError ctx={ctx} form={form} />
        <Field
          ctx={ctx}
          form={form}
          name="url"
          type="url"
          label={t('webhook.url')}
          required
          hint={t('webhook.urlHint')}
          attrs={{ maxlength: '2000', placeholder: 'https://erp.example.com/hashcart' }}
        />
        <Field ctx={ctx} form={form} name="description" label={t('webhook.description')} attrs={{ maxlength: '200' }} />
        <fieldset class={eventsError ? 'field has-error' : 'field'}>
          <legend>{t('webhook.events')}</legend>
          {webhookEventTypes.map((type) => (
            <label>
              <input type="checkbox" name="events" value={type} checked={chosen.has(type)} /> <code>{type}</code>
            </label>
          ))}
          {eventsError && (
            <p class="field-error" role="alert">
              {t(eventsError)}
            </p>
          )}
        </fieldset>
        <button type="submit">{t('webhook.create')}</button>
      </form>
    </AdminShell>
  );
}
