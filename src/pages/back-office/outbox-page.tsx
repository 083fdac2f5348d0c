import type { PageContext } from '../../platform/http/page-context.js';
import type { outboxMessages } from '../../platform/mail/index.js';
import { AdminShell } from '../../platform/views/admin-shell.js';

type Message = typeof outboxMessages.$inferSelect;

/** The local mailbox: every message the shop sent or would send (without SMTP, nothing leaves). */
export function OutboxPage({ ctx, messages }: { ctx: PageContext; messages: Message[] }) {
  const { t, i18n } = ctx;
  return (
    <AdminShell ctx={ctx} title={t('admin.outbox')}>
      <h1>{t('admin.outbox')}</h1>
      <p class="hint">{t('admin.outboxHint')}</p>
      {messages.length === 0 && <p class="empty">{t('admin.outboxEmpty')}</p>}
      {messages.map((m) => (
        <article class="card mail">
          <p class="mail-meta">
            <span safe>{m.to}</span> · {i18n.dateTime(m.createdAt)} ·{' '}
            {m.sentAt ? (
              <span class="badge done">{t('admin.mailSent')}</span>
            ) : (
              <span class="badge muted">{t('admin.mailKept')}</span>
            )}
          </p>
          <h2 safe>{m.subject}</h2>
          <pre safe>{m.body}</pre>
        </article>
      ))}
    </AdminShell>
  );
}
