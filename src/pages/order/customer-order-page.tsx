import { OrderCases } from '../../modules/after-sales/index.js';
import { piAvailable } from '../../modules/invoices/index.js';
import {
  LinesTable,
  type OrderEvent,
  orderMachine,
  ProgressStepper,
  StateBadge,
  Thread,
  Timeline,
} from '../../modules/orders/index.js';
import { buyerEvidenceUrls, PackingEvidenceView } from '../../modules/packing/index.js';
import { BuyerProofList, ProofForm } from '../../modules/payments/index.js';
import { BuyerRefundSection } from '../../modules/refunds/index.js';
import { trackingUrl } from '../../modules/shipping/index.js';
import { countryName } from '../../platform/countries.js';
import type { PageContext } from '../../platform/http/page-context.js';
import { Field, type FormState } from '../../platform/views/form.js';
import { CsrfField, Layout } from '../../platform/views/layout.js';
import type { OrderPageData } from './order-page.data.js';
import { PaymentBlock } from './payment-block.js';
import { ShipmentPapers } from './shipment-papers.js';

/** Forms that come back refused carry their state: the proof upload, the customer's cancellation. */
export interface OrderForms {
  proof?: FormState;
  cancel?: FormState;
}

export function OrderBody({ ctx, d, forms = {} }: { ctx: PageContext; d: OrderPageData; forms?: OrderForms }) {
  const proofForm = forms.proof;
  const { t } = ctx;
  const o = d.order;
  const can = (e: OrderEvent) => d.actions.includes(e);
  return (
    <div id="order" hx-ext="sse" sse-connect={`/orders/${o.number}/live`}>
      <div
        hx-get={`/orders/${o.number}`}
        hx-trigger="sse:changed"
        hx-select="#order"
        hx-target="#order"
        hx-swap="outerHTML"
      />
      <div class="toolbar">
        <h1>
          {t('order.title', { number: o.number })} <StateBadge ctx={ctx} state={o.status} />
        </h1>
        <span>
          {piAvailable(o, d.piIssued) && (
            <a class="button" href={`/orders/${o.number}/pi`}>
              {t('pi.view')}
            </a>
          )}{' '}
          <a class="button" href={d.whatsapp} rel="noopener" target="_blank">
            {t('contact.whatsapp')}
          </a>
        </span>
      </div>
      <ProgressStepper ctx={ctx} state={o.status} />
      {o.status === 'awaiting_quote' && <p class="notice">{t('order.quotePending')}</p>}
      {d.trackingOverdue && (
        <p class="notice problem" role="status">
          {t('order.trackingOverdue')} <a href={d.whatsapp}>{t('contact.whatsapp')}</a>
        </p>
      )}
      <div class="order-grid">
        <div>
          <LinesTable ctx={ctx} order={o} lines={d.lines} />
          {orderMachine.is.open(o.status) && (
            <p class="windows">
              {t('order.shipWindow', { min: d.windows.shipBy.min, max: d.windows.shipBy.max })}{' '}
              {t('order.deliveryWindow', { min: d.windows.delivery.min, max: d.windows.delivery.max })}
            </p>
          )}
          <PaymentBlock
            ctx={ctx}
            order={o}
            method={d.method}
            deposit={d.depositPanel}
            detailsChanged={d.paymentDetailsChanged}
          />
          {can('submitPaymentProof') && <ProofForm ctx={ctx} number={o.number} form={proofForm} />}
          <BuyerProofList ctx={ctx} number={o.number} proofs={d.proofs} />
          {d.shipments.length > 0 && (
            <section>
              <h2>{t('order.shipments')}</h2>
              <ul class="shipments">
                {d.shipments.map((s) => {
                  const url = trackingUrl(s.carrier, s.trackingNumber);
                  return (
                    <li>
                      <span safe>{s.carrier}</span>:{' '}
                      {url ? (
                        <a href={url} rel="noopener noreferrer" target="_blank" safe>
                          {s.trackingNumber}
                        </a>
                      ) : (
                        <span safe>{s.trackingNumber}</span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
          {d.packing && (
            <section class="packing" aria-labelledby="packing-h">
              <h2 id="packing-h">{t('packing.title')}</h2>
              <PackingEvidenceView
                ctx={ctx}
                evidence={d.packing.evidence}
                lines={d.packing.lines}
                urls={buyerEvidenceUrls(o.number)}
              />
            </section>
          )}
          {d.packing && <ShipmentPapers ctx={ctx} base={`/orders/${o.number}`} packing={d.packing} />}
          <div class="actions">
            {can('confirmDelivery') && (
              <form method="post" action={ctx.href(`/orders/${o.number}/events/confirmDelivery`)}>
                <CsrfField ctx={ctx} />
                <button type="submit" class="primary">
                  {t('action.confirmDelivery')}
                </button>
              </form>
            )}
            {can('cancelByCustomer') && (
              <form method="post" action={ctx.href(`/orders/${o.number}/events/cancelByCustomer`)} class="cancel-form">
                <CsrfField ctx={ctx} />
                <Field
                  ctx={ctx}
                  form={forms.cancel}
                  name="reason"
                  idPrefix="f-cancel"
                  label={t('order.cancelReason')}
                  attrs={{ maxlength: 1000 }}
                />
                <button type="submit" class="danger">
                  {t('action.cancelThisOrder')}
                </button>
              </form>
            )}
          </div>
          <BuyerRefundSection ctx={ctx} number={o.number} r={d.refund} />
          {d.afterSales && <OrderCases ctx={ctx} number={o.number} a={d.afterSales} />}
        </div>
        <aside>
          <section class="card">
            <h2>{t('order.shipTo')}</h2>
            <address>
              <span safe>{o.fullName}</span>
              <br />
              {o.company && (
                <>
                  <span safe>{o.company}</span>
                  <br />
                </>
              )}
              <span safe>{o.address}</span>
              <br />
              <span safe>{`${o.postalCode} ${o.city}`.trim()}</span>
              <br />
              <span safe>{countryName(o.country, ctx.i18n.locale)}</span>
              <br />
              <span safe>{o.phone}</span>
            </address>
          </section>
          <section class="card">
            <h2>{t('order.timeline')}</h2>
            <Timeline ctx={ctx} events={d.events} />
          </section>
          <section class="card">
            <h2>{t('thread.title')}</h2>
            <Thread ctx={ctx} messages={d.messages} />
            <form method="post" action={ctx.href(`/orders/${o.number}/messages`)}>
              <CsrfField ctx={ctx} />
              <label for="f-body">{t('thread.write')}</label>
              <textarea id="f-body" name="body" rows="3" maxlength="4000" required />
              <button type="submit">{t('thread.send')}</button>
            </form>
          </section>
        </aside>
      </div>
    </div>
  );
}

export function OrderPage(props: { ctx: PageContext; d: OrderPageData; forms?: OrderForms }) {
  return (
    <Layout
      ctx={props.ctx}
      title={props.ctx.t('order.title', { number: props.d.order.number })}
      scripts={['/vendor/ext/sse.js']}
    >
      <OrderBody {...props} />
    </Layout>
  );
}
