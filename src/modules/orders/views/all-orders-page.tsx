import { escapeHtml } from '@kitajs/html';
import { countryCodes, countryName } from '../../../platform/countries.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import { AdminShell } from '../../../platform/views/admin-shell.js';
import { countrySelectOptions } from '../../../platform/views/country-select.js';
import type { FormState } from '../../../platform/views/form.js';
import { Field, FormError, SelectField } from '../../../platform/views/form.js';
import { ScrollTable } from '../../../platform/views/scroll-table.js';
import { orderStates } from '../order.machine.js';
import type { OrderQueue } from '../order.rules.js';
import { shippingMethods } from '../order.rules.js';
import type { OrderListPage } from '../order-list.repo.js';
import { StateBadge } from './order-parts.js';
import { QueueTabs } from './queue-page.js';

/** The filters a page link keeps (the page boundary apart). */
const filterKeys = ['state', 'payment', 'shipping', 'country', 'from', 'to', 'overdue'] as const;

export const listHref = (values: Record<string, string | undefined>, page?: { after?: string; before?: string }) => {
  const params = new URLSearchParams();
  for (const k of filterKeys) if (values[k]) params.set(k, values[k]!);
  if (page?.after) params.set('after', page.after);
  if (page?.before) params.set('before', page.before);
  const s = params.toString();
  return s ? `/admin/orders/all?${s}` : '/admin/orders/all';
};

type Row = OrderListPage['rows'][number];

/**
 * One order's row as one template string, as in the queue (#18). Same escaping as the JSX: the
 * buyer's name, the link targets and the country name escaped; messages and formatted values as they are.
 */
function orderRow(ctx: PageContext, o: Row, customerHref: (id: number) => string) {
  const { t, i18n } = ctx;
  const number = escapeHtml(o.number);
  return `<tr><td class="nowrap"><a href="/admin/orders/${number}">${number}</a></td><td>${StateBadge({ ctx, state: o.status })}</td><td><a href="${escapeHtml(customerHref(o.customerId))}">${escapeHtml(o.fullName)}</a></td><td>${escapeHtml(countryName(o.country, i18n.locale))}</td><td>${t(`shipping.${o.shippingMethod}`)}</td><td class="num">${i18n.money(o.totalCents ?? o.goodsCents)}</td><td class="nowrap">${i18n.dateTime(o.createdAt)}</td></tr>`;
}

/** Every order, filtered and paged. `refused`: a filter value we do not have (400, nothing listed). */
export function AllOrdersPage(props: {
  ctx: PageContext;
  counts: Record<OrderQueue, number>;
  methods: { id: number; name: string }[];
  values: Record<string, string>;
  refused?: FormState;
  page?: OrderListPage;
  customerHref: (id: number) => string;
}) {
  const { ctx, counts, methods, values, refused, page } = props;
  const { t, i18n } = ctx;
  const form: FormState = refused ?? { values };
  const keep = Object.fromEntries(filterKeys.map((k) => [k, values[k]]));
  return (
    <AdminShell ctx={ctx} title={t('orderList.title')}>
      <h1>{t('orderList.title')}</h1>
      <QueueTabs ctx={ctx} counts={counts} current="all" />
      <form method="get" action="/admin/orders/all" class="directory-filters" aria-label={t('orderList.filters')}>
        <SelectField
          ctx={ctx}
          form={form}
          name="state"
          label={t('orders.status')}
          placeholder={t('orderList.any')}
          options={orderStates.map((s) => ({ value: s, label: t(`state.${s}`) }))}
        />
        <SelectField
          ctx={ctx}
          form={form}
          name="payment"
          label={t('field.paymentMethod')}
          placeholder={t('orderList.any')}
          options={methods.map((m) => ({ value: String(m.id), label: m.name }))}
        />
        <SelectField
          ctx={ctx}
          form={form}
          name="shipping"
          label={t('field.shippingMethod')}
          placeholder={t('orderList.any')}
          options={shippingMethods.map((m) => ({ value: m, label: t(`shipping.${m}`) }))}
        />
        <SelectField
          ctx={ctx}
          form={form}
          name="country"
          label={t('orderList.destination')}
          placeholder={t('orderList.any')}
          options={countrySelectOptions(countryCodes, i18n.locale)}
        />
        <Field ctx={ctx} form={form} name="from" type="date" label={t('orderList.from')} />
        <Field ctx={ctx} form={form} name="to" type="date" label={t('orderList.to')} />
        <div class="field">
          <label>
            <input type="checkbox" name="overdue" value="1" checked={form.values?.overdue === '1'} />{' '}
            {t('queue.overdue')}
          </label>
        </div>
        <div class="field">
          <button type="submit">{t('orderList.apply')}</button> <a href="/admin/orders/all">{t('orderList.clear')}</a>
        </div>
      </form>
      <FormError ctx={ctx} form={refused} />
      {!refused && (
        <p class="export">
          <a href={listHref(keep).replace('/admin/orders/all', '/admin/orders/all.csv')} download="">
            {t('export.download')}
          </a>
        </p>
      )}
      {refused ? (
        <p class="notice problem" role="alert">
          {t('orderList.refused')}
        </p>
      ) : !page || page.rows.length === 0 ? (
        <p class="empty">{t('orderList.empty')}</p>
      ) : (
        <>
          <ScrollTable label={t('orderList.title')} class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('orders.number')}</th>
                <th scope="col">{t('orders.status')}</th>
                <th scope="col">{t('admin.customer')}</th>
                <th scope="col">{t('field.country')}</th>
                <th scope="col">{t('field.shippingMethod')}</th>
                <th scope="col" class="num">
                  {t('orderList.total')}
                </th>
                <th scope="col">{t('orderList.placed')}</th>
              </tr>
            </thead>
            <tbody>{page.rows.map((o) => orderRow(ctx, o, props.customerHref))}</tbody>
          </ScrollTable>
          <nav class="pager" aria-label={t('orderList.pages')}>
            {page.previous && (
              <>
                <a href={listHref(keep)}>{t('orderList.first')}</a>{' '}
                <a href={listHref(keep, { before: page.previous })} rel="prev">
                  {t('orderList.newer')}
                </a>
              </>
            )}{' '}
            {page.next && (
              <a href={listHref(keep, { after: page.next })} rel="next">
                {t('orderList.older')}
              </a>
            )}
          </nav>
        </>
      )}
    </AdminShell>
  );
}
