import { StateBadge } from '../../modules/orders/index.js';
import type { PageContext } from '../../platform/http/page-context.js';
import { AdminShell } from '../../platform/views/admin-shell.js';
import { ScrollTable } from '../../platform/views/scroll-table.js';
import { resultCount, type SearchResults } from './search.data.js';

const orderLink = (number: string) => `/admin/orders/${number}`;
export const customerLink = (id: number) => `/admin/customers/${id}`;

/** Results grouped by what matched, each linking to the order or the customer. */
export function SearchPage({
  ctx,
  q,
  results,
  tooShort,
}: {
  ctx: PageContext;
  q: string;
  results?: SearchResults;
  tooShort?: boolean;
}) {
  const { t, i18n } = ctx;
  return (
    <AdminShell ctx={ctx} title={q ? t('find.titleFor', { q }) : t('find.title')}>
      <h1>{t('find.title')}</h1>
      {tooShort && (
        <p class="notice" role="status">
          {t('find.tooShort')}
        </p>
      )}
      {results && (
        <p role="status" safe>
          {resultCount(results) === 0 ? t('find.none', { q }) : t('find.for', { q })}
        </p>
      )}
      {results && results.orders.length > 0 && (
        <section aria-labelledby="found-orders">
          <h2 id="found-orders">{t('admin.orders')}</h2>
          <ScrollTable label={t('admin.orders')} class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('orders.number')}</th>
                <th scope="col">{t('orders.status')}</th>
                <th scope="col">{t('admin.customer')}</th>
                <th scope="col">{t('find.matched')}</th>
                <th scope="col" class="num">
                  {t('orderList.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {results.orders.map((o) => (
                <tr>
                  <td>
                    <a href={orderLink(o.number)}>{o.number}</a>
                  </td>
                  <td>
                    <StateBadge ctx={ctx} state={o.status} />
                  </td>
                  <td>
                    <a href={customerLink(o.customerId)} safe>
                      {o.fullName}
                    </a>
                    <br />
                    <span class="muted break" safe>
                      {o.email}
                    </span>
                  </td>
                  <td safe>{o.matched === 'tracking' ? t('find.tracking', { value: o.value }) : ''}</td>
                  <td class="num">{i18n.money(o.totalCents ?? o.goodsCents)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </section>
      )}
      {results && results.proformas.length > 0 && (
        <section aria-labelledby="found-pis">
          <h2 id="found-pis">{t('find.proformas')}</h2>
          <ul>
            {results.proformas.map((p) => (
              <li>
                <a href={orderLink(p.orderNumber)}>
                  {p.number} · {p.orderNumber}
                </a>{' '}
                <span safe>{p.buyerName}</span> · {i18n.money(p.totalCents)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {results && results.payments.length > 0 && (
        <section aria-labelledby="found-payments">
          <h2 id="found-payments">{t('find.payments')}</h2>
          <ul>
            {results.payments.map((p) => (
              <li>
                <a href={orderLink(p.orderNumber)}>{p.orderNumber}</a>{' '}
                <span class="break" safe>
                  {p.reference}
                </span>{' '}
                · {i18n.money(p.amountCents)} · {t(`proof.${p.status}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {results && results.serials.length > 0 && (
        <section aria-labelledby="found-serials">
          <h2 id="found-serials">{t('find.serials')}</h2>
          <ul>
            {results.serials.map((u) => (
              <li>
                <a href={orderLink(u.orderNumber)}>{u.orderNumber}</a> <span safe>{u.serialNumber}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {results && results.customers.length > 0 && (
        <section aria-labelledby="found-customers">
          <h2 id="found-customers">{t('admin.customers')}</h2>
          <ul>
            {results.customers.map((c) => (
              <li>
                <a href={customerLink(c.id)} safe>
                  {c.fullName}
                </a>{' '}
                <span class="muted break" safe>
                  {c.email}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </AdminShell>
  );
}
