import { escapeHtml } from '@kitajs/html';
import type { PageContext } from '../../../platform/http/page-context.js';
import { Layout } from '../../../platform/views/layout.js';
import { ScrollTable } from '../../../platform/views/scroll-table.js';
import type { Order } from '../order.repo.js';
import { StateBadge } from './order-parts.js';

type Row = { number: string; status: Order['status']; goodsCents: number; totalCents: number | null; createdAt: Date };

/**
 * One order's row as one template string: a JSX call per cell made the 50 rows ~half of this
 * page's render (#18). Same escaping as the JSX: the number escaped, formatted values as they are.
 */
function orderRow(ctx: PageContext, r: Row) {
  const { t, i18n } = ctx;
  const total =
    r.totalCents === null ? `${i18n.money(r.goodsCents)} + ${t('order.freightShort')}` : i18n.money(r.totalCents);
  const number = escapeHtml(r.number);
  return `<tr><td class="nowrap"><a href="/orders/${number}">${number}</a></td><td class="nowrap">${i18n.date(r.createdAt)}</td><td>${StateBadge({ ctx, state: r.status })}</td><td class="num">${total}</td></tr>`;
}

export function MyOrdersPage({ ctx, rows }: { ctx: PageContext; rows: Row[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('orders.title')}>
      <h1>{t('orders.title')}</h1>
      {rows.length === 0 ? (
        <p class="empty card">{t('orders.empty')}</p>
      ) : (
        <ScrollTable label={t('orders.title')} class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('orders.number')}</th>
              <th scope="col">{t('orders.date')}</th>
              <th scope="col">{t('orders.status')}</th>
              <th scope="col" class="num">
                {t('order.total')}
              </th>
            </tr>
          </thead>
          <tbody>{rows.map((r) => orderRow(ctx, r))}</tbody>
        </ScrollTable>
      )}
    </Layout>
  );
}
