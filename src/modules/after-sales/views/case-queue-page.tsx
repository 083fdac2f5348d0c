import type { PageContext } from '../../../platform/http/page-context.js';
import { AdminShell } from '../../../platform/views/admin-shell.js';
import { ExportLinks } from '../../../platform/views/export-links.js';
import { type CaseQueue, caseQueues, QUEUE_COUNT_CAP } from '../case.queue.js';
import { CaseBadge, DueBadge } from './case-parts.js';
import type { CaseRow } from './customer-case-pages.js';

/** `queue` undefined: the address named no queue we have; the tabs stay, so the next click is one away. */
export function CaseQueuePage(props: {
  ctx: PageContext;
  queue: CaseQueue | undefined;
  counts: Record<CaseQueue, number>;
  rows: (CaseRow & { customerName: string })[];
  now: Date;
}) {
  const { ctx, queue, counts, rows, now } = props;
  const { t, i18n } = ctx;
  const label = (q: CaseQueue) =>
    q === 'open' ? t('case.queueOpen') : q === 'overdue' ? t('case.queueOverdue') : t(`caseState.${q}`);
  return (
    <AdminShell ctx={ctx} title={t('admin.afterSales')}>
      <h1>{t('admin.afterSales')}</h1>
      <ExportLinks ctx={ctx} path="/admin/after-sales.csv" filter={queue && `queue=${queue}`} />
      <nav class="queues" aria-label={t('admin.queues')}>
        {caseQueues.map((q) => (
          <a
            href={`/admin/after-sales?queue=${q}`}
            aria-current={q === queue ? 'page' : undefined}
            class={q === 'overdue' && counts[q] > 0 ? 'overdue' : ''}
          >
            {label(q)}{' '}
            <span class="count">
              {counts[q] > QUEUE_COUNT_CAP ? `${i18n.number(QUEUE_COUNT_CAP)}+` : String(counts[q])}
            </span>
          </a>
        ))}
      </nav>
      {queue === undefined ? (
        <p class="notice problem" role="alert">
          {t('admin.queueUnknown')}
        </p>
      ) : rows.length === 0 ? (
        <p class="empty">{t('case.queueEmpty')}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('case.number')}</th>
              <th scope="col">{t('orders.status')}</th>
              <th scope="col">{t('field.caseType')}</th>
              <th scope="col">{t('admin.customer')}</th>
              <th scope="col">{t('case.due')}</th>
              <th scope="col">{t('case.opened')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr class={r.dueAt && r.dueAt < now ? 'overdue' : ''}>
                <td>
                  <a href={`/admin/after-sales/${r.number}`}>{r.number}</a>
                </td>
                <td>
                  <CaseBadge ctx={ctx} state={r.status} />
                </td>
                <td>{t(`caseType.${r.type}`)}</td>
                <td safe>{r.customerName}</td>
                <td>
                  <DueBadge ctx={ctx} dueAt={r.dueAt} now={now} />
                </td>
                <td>{i18n.dateTime(r.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminShell>
  );
}
