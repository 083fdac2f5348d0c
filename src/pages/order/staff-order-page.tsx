import { OrderCases } from '../../modules/after-sales/index.js';
import { piAvailable } from '../../modules/invoices/index.js';
import {
  DepositAddressNote,
  FreightForm,
  LinesTable,
  StaffCancelForm,
  StateBadge,
  Thread,
  Timeline,
} from '../../modules/orders/index.js';
import { PackingSection, packingSlipHref, packingSlipRoles, ShipForm } from '../../modules/packing/index.js';
import { StaffProofList } from '../../modules/payments/index.js';
import { refundRoles, StaffRefundSection } from '../../modules/refunds/index.js';
import { hasRole } from '../../platform/auth/roles.js';
import { countryName } from '../../platform/countries.js';
import type { PageContext } from '../../platform/http/page-context.js';
import { AdminShell } from '../../platform/views/admin-shell.js';
import type { FormState } from '../../platform/views/form.js';
import { CsrfField } from '../../platform/views/layout.js';
import type { OrderPageData } from './order-page.data.js';
import { ShipmentPapers } from './shipment-papers.js';

export function StaffOrderPage({
  ctx,
  d,
  forms = {},
}: {
  ctx: PageContext;
  d: OrderPageData;
  forms?: Partial<Record<string, FormState>>;
}) {
  const { t, i18n } = ctx;
  const o = d.order;
  const can = (e: (typeof d.actions)[number]) => d.actions.includes(e);
  return (
    <AdminShell
      ctx={ctx}
      title={t('order.title', { number: o.number })}
      scripts={d.packing ? ['/assets/upload-progress.js'] : []}
    >
      <div class="toolbar">
        <h1>
          {t('order.title', { number: o.number })} <StateBadge ctx={ctx} state={o.status} />
        </h1>
        <span>
          {piAvailable(o, d.piIssued) && (
            <a class="button" href={`/admin/orders/${o.number}/pi`}>
              {t('pi.view')}
            </a>
          )}{' '}
          {d.packing && d.packing.status !== 'cancelled' && ctx.user && hasRole(ctx.user.role, ...packingSlipRoles) && (
            <>
              <a class="button" href={packingSlipHref(o.number)}>
                {t('slip.link')}
              </a>{' '}
            </>
          )}
          <a href={`/admin/orders?queue=${o.status === 'awaiting_quote' ? 'awaiting_quote' : 'payment_review'}`}>
            {t('admin.backToQueue')}
          </a>
        </span>
      </div>
      {d.trackingOverdue && <p class="notice problem">{t('admin.trackingOverdue')}</p>}
      <div class="order-grid">
        <div>
          <LinesTable ctx={ctx} order={o} lines={d.lines} />
          {can('setFreight') && <FreightForm ctx={ctx} order={o} lines={d.lines} form={forms.freight} />}
          <StaffProofList
            ctx={ctx}
            number={o.number}
            proofs={d.proofs}
            paidTo={d.deposit && <DepositAddressNote ctx={ctx} d={d.deposit} />}
            canReview={can('approvePayment') || can('approvePartialPayment') || can('rejectPayment')}
          />
          {d.packing && (
            <PackingSection
              ctx={ctx}
              number={o.number}
              d={d.packing}
              canEdit={!!ctx.user && hasRole(ctx.user.role, 'warehouse') && d.packing.status !== 'cancelled'}
              forms={forms}
            />
          )}
          {d.packing && d.packing.status !== 'cancelled' && (
            <ShipmentPapers ctx={ctx} base={`/admin/orders/${o.number}`} packing={d.packing} />
          )}
          {can('markShipped') && <ShipForm ctx={ctx} number={o.number} form={forms.ship} />}
          <StaffRefundSection
            ctx={ctx}
            number={o.number}
            r={d.refund}
            canRecord={!!ctx.user && hasRole(ctx.user.role, ...refundRoles)}
            form={forms.refund}
          />
          {can('cancelOrder') && <StaffCancelForm ctx={ctx} number={o.number} form={forms.cancel} />}
        </div>
        <aside>
          {d.afterSales && <OrderCases ctx={ctx} number={o.number} a={d.afterSales} staff />}
          <section class="card">
            <h2>{t('order.shipTo')}</h2>
            <address>
              <a href={`/admin/customers/${o.customerId}`} safe>
                {o.fullName}
              </a>{' '}
              · <span safe>{o.email}</span> · <span safe>{o.phone}</span>
              <br />
              {o.company && (
                <>
                  <span safe>{o.company}</span>
                  <br />
                </>
              )}
              <span safe>{`${o.address}, ${o.postalCode} ${o.city}`}</span>, {countryName(o.country, i18n.locale)}
              {o.taxId && (
                <>
                  <br />
                  <span safe>{t('field.taxIdLine', { id: o.taxId })}</span>
                </>
              )}
            </address>
            <p>
              {t(`shipping.${o.shippingMethod}`)} · <span safe>{d.method?.name ?? ''}</span>
            </p>
          </section>
          <section class="card">
            <h2>{t('order.timeline')}</h2>
            <Timeline ctx={ctx} events={d.events} showVia />
          </section>
          <section class="card">
            <h2>{t('thread.title')}</h2>
            <Thread ctx={ctx} messages={d.messages} />
            <form method="post" action={`/admin/orders/${o.number}/messages`}>
              <CsrfField ctx={ctx} />
              <label for="f-body">{t('thread.write')}</label>
              <textarea id="f-body" name="body" rows="3" maxlength="4000" required />
              <div class="field checkbox">
                <input id="f-internal" name="internal" type="checkbox" />
                <label for="f-internal">{t('thread.internalNote')}</label>
              </div>
              <button type="submit">{t('thread.send')}</button>
            </form>
          </section>
        </aside>
      </div>
    </AdminShell>
  );
}
