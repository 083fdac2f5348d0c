import type { FastifyReply, FastifyRequest } from 'fastify';
import { findCustomer } from '../../modules/accounts/index.js';
import { customerCases } from '../../modules/after-sales/index.js';
import { StaffNotesSection, staffNotesOf } from '../../modules/customers/index.js';
import { listOrders, orderListInput, StateBadge, savedAddressOf } from '../../modules/orders/index.js';
import { requireStaff } from '../../platform/auth/current-user.js';
import { countryName } from '../../platform/countries.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/errors.js';
import { pageContext } from '../../platform/http/page-context.js';
import type { PageRenderer } from '../../platform/http/page-renderer.js';
import { AdminShell } from '../../platform/views/admin-shell.js';
import { ScrollTable } from '../../platform/views/scroll-table.js';

const PAGE = 20;

async function loadCustomerPage(db: Db, id: number, query: unknown) {
  const paging = orderListInput.safeParse(query);
  if (!paging.success) throw new AppError('BAD_REQUEST');
  const customer = await findCustomer(db, id);
  if (!customer) throw notFound();
  const [address, orders, cases, notes] = await Promise.all([
    savedAddressOf(db, id),
    listOrders(db, { after: paging.data.after, before: paging.data.before, customer: id }, new Date(), PAGE),
    customerCases(db, id, 50),
    staffNotesOf(db, id),
  ]);
  return { customer, address, orders, cases, notes };
}

/** The staff customer page: contact, saved address, orders (paged), cases, and staff-only notes and tags. */
export const customerPage =
  (db: Db): PageRenderer<number> =>
  async (req: FastifyRequest, reply: FastifyReply, id: number, refused) => {
    requireStaff(req.user);
    const d = await loadCustomerPage(db, id, req.query);
    const ctx = pageContext(req);
    const { t, i18n } = ctx;
    const pageHref = (k: 'after' | 'before', v: string) => `/admin/customers/${id}?${k}=${encodeURIComponent(v)}`;
    return reply
      .code(refused?.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(
        <AdminShell ctx={ctx} title={d.customer.fullName}>
          <h1 safe>{d.customer.fullName}</h1>
          <section class="card" aria-labelledby="contact">
            <h2 id="contact">{t('staffCustomer.contact')}</h2>
            <p>
              <a class="break" href={`mailto:${d.customer.email}`} safe>
                {d.customer.email}
              </a>
            </p>
            <p class="muted">
              {t('staffCustomer.since', { date: i18n.date(d.customer.createdAt) })}
              {d.customer.active ? '' : ` · ${t('staffCustomer.disabled')}`}
            </p>
            <h3>{t('staffCustomer.address')}</h3>
            {d.address ? (
              <address class="break">
                <span safe>{d.address.fullName}</span>
                <br />
                <span safe>{d.address.address}</span>
                <br />
                <span safe>{`${d.address.postalCode} ${d.address.city}`}</span>
                <br />
                <span safe>{countryName(d.address.country, i18n.locale)}</span>
                <br />
                <span safe>{d.address.phone}</span>
                {d.address.company && (
                  <>
                    <br />
                    <span safe>{d.address.company}</span>
                  </>
                )}
                {d.address.taxId && (
                  <>
                    <br />
                    <span safe>{t('field.taxIdLine', { id: d.address.taxId })}</span>
                  </>
                )}
              </address>
            ) : (
              <p class="empty">{t('staffCustomer.noAddress')}</p>
            )}
          </section>
          <section aria-labelledby="customer-orders">
            <h2 id="customer-orders">{t('admin.orders')}</h2>
            {d.orders.rows.length === 0 ? (
              <p class="empty">{t('staffCustomer.noOrders')}</p>
            ) : (
              <ScrollTable label={t('admin.orders')} class="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('orders.number')}</th>
                    <th scope="col">{t('orders.status')}</th>
                    <th scope="col" class="num">
                      {t('orderList.total')}
                    </th>
                    <th scope="col">{t('orderList.placed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.orders.rows.map((o) => (
                    <tr>
                      <td>
                        <a href={`/admin/orders/${o.number}`}>{o.number}</a>
                      </td>
                      <td>
                        <StateBadge ctx={ctx} state={o.status} />
                      </td>
                      <td class="num">{i18n.money(o.totalCents ?? o.goodsCents)}</td>
                      <td>{i18n.dateTime(o.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            )}
            <nav class="pager" aria-label={t('orderList.pages')}>
              {d.orders.previous && (
                <a href={pageHref('before', d.orders.previous)} rel="prev">
                  {t('orderList.newer')}
                </a>
              )}{' '}
              {d.orders.next && (
                <a href={pageHref('after', d.orders.next)} rel="next">
                  {t('orderList.older')}
                </a>
              )}
            </nav>
          </section>
          <section aria-labelledby="customer-cases">
            <h2 id="customer-cases">{t('admin.afterSales')}</h2>
            {d.cases.length === 0 ? (
              <p class="empty">{t('staffCustomer.noCases')}</p>
            ) : (
              <ul>
                {d.cases.map((c) => (
                  <li>
                    <a href={`/admin/after-sales/${c.number}`}>{c.number}</a> · {t(`caseState.${c.status}`)} ·{' '}
                    {i18n.date(c.createdAt)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <StaffNotesSection ctx={ctx} customerId={id} notes={d.notes} forms={refused?.forms} />
        </AdminShell>,
      );
  };
