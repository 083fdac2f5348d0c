import type { PageContext } from '../../../platform/http/page-context.js';
import { AdminShell } from '../../../platform/views/admin-shell.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { ScrollTable } from '../../../platform/views/scroll-table.js';
import type { AttemptRow, DeliveryRow, WebhookEndpoint } from '../webhook.repo.js';
import { EndpointState, ToggleForm } from './webhooks-page.js';

const answer = (ctx: PageContext, status: number | null, error: string | null) =>
  status !== null ? `HTTP ${status}` : (error ?? ctx.t('webhook.noAnswer'));

/** One endpoint: its state, its deliveries (each can be sent again) and the log of attempts. */
export function EndpointPage({
  ctx,
  endpoint,
  deliveries,
  attempts,
}: {
  ctx: PageContext;
  endpoint: Omit<WebhookEndpoint, 'secret'>;
  deliveries: DeliveryRow[];
  attempts: AttemptRow[];
}) {
  const { t } = ctx;
  const e = endpoint;
  return (
    <AdminShell ctx={ctx} title={t('webhook.endpoint')}>
      <p>
        <a href="/admin/webhooks">{t('webhook.back')}</a>
      </p>
      <h1>{t('webhook.endpoint')}</h1>
      <dl class="facts">
        <dt>{t('webhook.url')}</dt>
        <dd>
          <code safe>{e.url}</code>
        </dd>
        <dt>{t('webhook.state')}</dt>
        <dd>
          <EndpointState ctx={ctx} e={e} />
          {e.failingSince && <> {t('webhook.failingSince', { when: ctx.i18n.dateTime(e.failingSince) })}</>}
        </dd>
        <dt>{t('webhook.events')}</dt>
        <dd>
          <code safe>{e.events.join(', ')}</code>
        </dd>
      </dl>
      <ToggleForm ctx={ctx} e={e} />
      {!e.enabled && <p class="hint">{t('webhook.offHint')}</p>}
      <h2>{t('webhook.deliveries')}</h2>
      {deliveries.length === 0 ? (
        <p class="hint">{t('webhook.noDeliveries')}</p>
      ) : (
        <ScrollTable label={t('webhook.deliveries')} class="data-table">
          <thead>
            <tr>
              <th>{t('webhook.created')}</th>
              <th>{t('webhook.event')}</th>
              <th>{t('webhook.state')}</th>
              <th>{t('webhook.attempts')}</th>
              <th>{t('webhook.lastAnswer')}</th>
              <th>{t('webhook.nextAttempt')}</th>
              <th>
                <span class="visually-hidden">{t('webhook.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr>
                <td>{ctx.i18n.dateTime(d.createdAt)}</td>
                <td>
                  <code safe>{d.type}</code>
                  <br />
                  <code class="hint" safe>
                    {d.messageId}
                  </code>
                </td>
                <td>
                  <span
                    class={`badge ${d.state === 'delivered' ? 'done' : d.state === 'failed' ? 'problem' : 'muted'}`}
                  >
                    {t(`webhook.delivery.${d.state}`)}
                  </span>
                </td>
                <td>{ctx.i18n.number(d.attempts)}</td>
                <td safe>{d.lastAt ? answer(ctx, d.lastStatus, d.lastError) : ''}</td>
                <td>{d.state === 'pending' && d.nextAttemptAt ? ctx.i18n.dateTime(d.nextAttemptAt) : ''}</td>
                <td>
                  <form method="post" action={`/admin/webhooks/${e.id}/deliveries/${d.id}/redeliver`}>
                    <CsrfField ctx={ctx} />
                    <button type="submit">{t('webhook.redeliver')}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <h2>{t('webhook.log')}</h2>
      {attempts.length === 0 ? (
        <p class="hint">{t('webhook.noAttempts')}</p>
      ) : (
        <ScrollTable label={t('webhook.log')} class="data-table">
          <thead>
            <tr>
              <th>{t('webhook.when')}</th>
              <th>{t('webhook.message')}</th>
              <th>{t('webhook.answer')}</th>
              <th>{t('webhook.duration')}</th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((a) => (
              <tr>
                <td>{ctx.i18n.dateTime(a.at)}</td>
                <td>
                  <code safe>{a.messageId}</code>
                </td>
                <td safe>{answer(ctx, a.statusCode, a.error)}</td>
                <td>{t('webhook.ms', { ms: a.durationMs })}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </AdminShell>
  );
}
