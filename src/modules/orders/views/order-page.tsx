import { countryName } from '../../../platform/countries.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import { Field, FormError, type FormState } from '../../../platform/views/form.js';
import { CsrfField, Layout } from '../../../platform/views/layout.js';
import type { OrderAfterSales } from '../../after-sales/case-order.data.js';
import { OrderCases } from '../../after-sales/views/order-cases.js';
import { piAvailable } from '../../invoices/proforma.rules.js';
import type { PackingPageData } from '../../packing/packing-page.data.js';
import { buyerEvidenceUrls, PackingEvidenceView } from '../../packing/views/packing-evidence.js';
import type { PaymentMethod } from '../../payment-methods/payment-method.repo.js';
import { trackingUrl } from '../../shipping/index.js';
import { type OrderEvent, orderMachine } from '../order.machine.js';
import type { Order, OrderLine } from '../order.repo.js';
import type { OrderWindows } from '../order.rules.js';
import { LinesTable, ProgressStepper, StateBadge, Thread, Timeline } from './order-parts.js';

export interface OrderPageData {
  order: Order;
  lines: OrderLine[];
  events: Parameters<typeof Timeline>[0]['events'];
  messages: Parameters<typeof Thread>[0]['messages'];
  shipments: { carrier: string; trackingNumber: string }[];
  proofs: {
    id: number;
    amountCents: number;
    reference: string;
    status: string;
    createdAt: Date;
    rejectReason: string | null;
  }[];
  method?: PaymentMethod;
  windows: OrderWindows;
  actions: OrderEvent[];
  trackingOverdue: boolean;
  whatsapp: string;
  /** Set when payment details changed after this order was quoted. */
  paymentDetailsChanged: boolean;
  /** A PI was issued (matters for cancelled orders only). */
  piIssued?: boolean;
  /** Packing evidence, once the order has shipped. */
  packing?: PackingPageData | null;
  /** Completed orders: may a case be opened, and the cases already open. */
  afterSales?: OrderAfterSales;
}

function PaymentBlock({ ctx, d }: { ctx: PageContext; d: OrderPageData }) {
  const { t, i18n } = ctx;
  const o = d.order;
  if (o.totalCents === null || !d.method || o.status === 'cancelled') return '';
  return (
    <section class="card payment" aria-labelledby="pay-h">
      <h2 id="pay-h">{t('order.paymentTitle')}</h2>
      {d.paymentDetailsChanged && (
        <p class="notice problem" role="alert">
          {t('order.paymentDetailsChanged')}
        </p>
      )}
      <p>
        <strong safe>{d.method.name}</strong>
      </p>
      <p class="pre" safe>
        {d.method.instructions}
      </p>
      <pre class="account" safe>
        {d.method.accountDetails}
      </pre>
      {o.status === 'awaiting_payment' && o.paymentDueAt && (
        <p class="deadline">
          <strong>{t('order.payBy', { date: i18n.dateTime(o.paymentDueAt) })}</strong>
          {o.quoteValidUntil && <> {t('order.quoteValidUntil', { date: i18n.date(o.quoteValidUntil) })}</>}
        </p>
      )}
      <p class="hint">{t('order.verifyPi')}</p>
    </section>
  );
}

export function ProofForm({ ctx, order, form }: { ctx: PageContext; order: Order; form?: FormState }) {
  const { t } = ctx;
  const error = form?.errors?.proof;
  return (
    <form
      method="post"
      action={`/orders/${order.number}/proofs`}
      enctype="multipart/form-data"
      class="card proof-form"
      novalidate
    >
      <CsrfField ctx={ctx} />
      <h2>{t('proof.title')}</h2>
      <FormError ctx={ctx} form={form} />
      <div class={error ? 'field has-error' : 'field'}>
        <label for="f-proof">{t('field.paymentProof')}</label>
        <input
          id="f-proof"
          name="proof"
          type="file"
          accept="image/jpeg,image/png,image/webp,application/pdf"
          required
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'f-proof-error' : 'f-proof-hint'}
        />
        <p class="hint" id="f-proof-hint">
          {t('proof.hint')}
        </p>
        {error && (
          <p class="field-error" id="f-proof-error">
            {t(error)}
          </p>
        )}
      </div>
      <div class="grid-2">
        <Field
          ctx={ctx}
          form={form}
          name="amount"
          label={t('field.amountPaid')}
          required
          attrs={{ inputmode: 'decimal' }}
        />
        <Field ctx={ctx} form={form} name="reference" label={t('field.transactionReference')} required />
        <Field ctx={ctx} form={form} name="paidOn" type="date" label={t('field.paymentDate')} required />
      </div>
      <button type="submit" class="primary">
        {t('action.uploadProof')}
      </button>
    </form>
  );
}

/** Forms that come back refused carry their state: the proof upload, the customer's cancellation. */
export interface OrderForms {
  proof?: FormState;
  cancel?: FormState;
}

export function OrderBody({ ctx, d, forms = {} }: { ctx: PageContext; d: OrderPageData; forms?: OrderForms }) {
  const proofForm = forms.proof;
  const { t, i18n } = ctx;
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
          {piAvailable(o, d.piIssued ?? false) && (
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
          <PaymentBlock ctx={ctx} d={d} />
          {can('submitPaymentProof') && <ProofForm ctx={ctx} order={o} form={proofForm} />}
          {d.proofs.length > 0 && (
            <section>
              <h2>{t('proof.list')}</h2>
              <ul class="proofs">
                {d.proofs.map((p) => (
                  <li>
                    <a href={`/orders/${o.number}/proofs/${p.id}`}>{i18n.money(p.amountCents)}</a> ·{' '}
                    <span safe>{p.reference}</span> ·{' '}
                    <span
                      class={`badge ${p.status === 'approved' ? 'done' : p.status === 'rejected' ? 'problem' : 'staff'}`}
                    >
                      {t(`proof.${p.status as 'pending' | 'approved' | 'rejected'}`)}
                    </span>
                    {p.rejectReason && (
                      <span class="note" safe>
                        {p.rejectReason}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
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
          <div class="actions">
            {can('confirmDelivery') && (
              <form method="post" action={`/orders/${o.number}/events/confirmDelivery`}>
                <CsrfField ctx={ctx} />
                <button type="submit" class="primary">
                  {t('action.confirmDelivery')}
                </button>
              </form>
            )}
            {can('cancelByCustomer') && (
              <form method="post" action={`/orders/${o.number}/events/cancelByCustomer`} class="cancel-form">
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
          {d.afterSales && <OrderCases ctx={ctx} number={o.number} a={d.afterSales} />}
        </div>
        <aside>
          <section class="card">
            <h2>{t('order.shipTo')}</h2>
            <address>
              <span safe>{o.fullName}</span>
              <br />
              <span safe>{o.address}</span>
              <br />
              <span safe>{`${o.postalCode} ${o.city}`.trim()}</span>
              <br />
              {countryName(o.country, ctx.i18n.locale)}
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
            <form method="post" action={`/orders/${o.number}/messages`}>
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
