import { escapeHtml } from '@kitajs/html';
import { countryName } from '../../../platform/countries.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import { AdminShell } from '../../../platform/views/admin-shell.js';
import { ScrollTable } from '../../../platform/views/scroll-table.js';
import { QUEUE_COUNT_CAP, type QueueRow } from '../order.repo.js';
import { type OrderQueue, orderQueues } from '../order.rules.js';
import { StateBadge } from './order-parts.js';

/** The queues as saved filters with their counts, then every order ("All"). */
export function QueueTabs({
  ctx,
  counts,
  current,
}: {
  ctx: PageContext;
  counts: Record<OrderQueue, number>;
  current: OrderQueue | 'all' | undefined;
}) {
  return (
    <nav class="queues" aria-label={ctx.t('admin.queues')}>
      {orderQueues.map((q) => (
        <a
          href={`/admin/orders?queue=${q}`}
          aria-current={q === current ? 'page' : undefined}
          class={q === 'overdue' && counts[q] > 0 ? 'overdue' : ''}
        >
          {ctx.t(`queue.${q}`)}{' '}
          <span class="count">
            {counts[q] > QUEUE_COUNT_CAP ? `${ctx.i18n.number(QUEUE_COUNT_CAP)}+` : String(counts[q])}
          </span>
        </a>
      ))}
      <a href="/admin/orders/all" aria-current={current === 'all' ? 'page' : undefined}>
        {ctx.t('orderList.all')}
      </a>
    </nav>
  );
}

/**
 * One order's row as one template string: a JSX call per cell made the 50 rows ~half of the
 * page's render (#18). Same escaping as the JSX: the buyer's name and the number escaped.
 */
function queueRow(ctx: PageContext, o: QueueRow) {
  const { i18n } = ctx;
  const number = escapeHtml(o.number);
  return `<tr><td class="nowrap"><a href="/admin/orders/${number}">${number}</a></td><td>${StateBadge({ ctx, state: o.status })}</td><td>${escapeHtml(o.fullName)}</td><td>${escapeHtml(countryName(o.country, i18n.locale))}</td><td class="num">${i18n.money(o.goodsCents)}</td><td class="nowrap">${i18n.dateTime(o.updatedAt)}</td></tr>`;
}

/** `queue` undefined: the address named no queue we have; the tabs stay, so the next click is one away. */
export function QueuePage(props: {
  ctx: PageContext;
  queue: OrderQueue | undefined;
  counts: Record<OrderQueue, number>;
  rows: QueueRow[];
}) {
  const { ctx, queue, counts, rows } = props;
  const { t } = ctx;
  return (
    <AdminShell ctx={ctx} title={t('admin.orders')}>
      <h1>{t('admin.orders')}</h1>
      <QueueTabs ctx={ctx} counts={counts} current={queue} />
      {queue === undefined ? (
        <p class="notice problem" role="alert">
          {t('admin.queueUnknown')}
        </p>
      ) : rows.length === 0 ? (
        <p class="empty">{t('admin.queueEmpty')}</p>
      ) : (
        <ScrollTable label={t('admin.orders')} class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('orders.number')}</th>
              <th scope="col">{t('orders.status')}</th>
              <th scope="col">{t('admin.customer')}</th>
              <th scope="col">{t('field.country')}</th>
              <th scope="col" class="num">
                {t('order.goods')}
              </th>
              <th scope="col">{t('admin.waitingSince')}</th>
            </tr>
          </thead>
          <tbody>{rows.map((o) => queueRow(ctx, o))}</tbody>
        </ScrollTable>
      )}
    </AdminShell>
  );
}
