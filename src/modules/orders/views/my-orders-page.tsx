import type { PageContext } from '../../../platform/http/page-context.js';
import { Layout } from '../../../platform/views/layout.js';
import type { Order } from '../order.repo.js';
import { StateBadge } from './order-parts.js';

export function MyOrdersPage({
  ctx,
  rows,
}: {
  ctx: PageContext;
  rows: { number: string; status: Order['status']; goodsCents: number; totalCents: number | null; createdAt: Date }[];
}) {
  const { t, i18n } = ctx;
  return (
    <Layout ctx={ctx} title={t('orders.title')}>
      <h1>{t('orders.title')}</h1>
      {rows.length === 0 ? (
        <p class="empty card">{t('orders.empty')}</p>
      ) : (
        <table class="data-table">
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
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>
                  <a href={`/orders/${r.number}`}>{r.number}</a>
                </td>
                <td>{i18n.date(r.createdAt)}</td>
                <td>
                  <StateBadge ctx={ctx} state={r.status} />
                </td>
                <td class="num">
                  {r.totalCents === null
                    ? `${i18n.money(r.goodsCents)} + ${t('order.freightShort')}`
                    : i18n.money(r.totalCents)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
