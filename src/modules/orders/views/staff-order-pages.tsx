import { hasRole } from '../../../platform/auth/roles.js';
import { countryName } from '../../../platform/countries.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import { AdminShell } from '../../../platform/views/admin-shell.js';
import { Field, FormError, type FormState } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { OrderCases } from '../../after-sales/views/order-cases.js';
import { piAvailable } from '../../invoices/proforma.rules.js';
import { PackingSection } from '../../packing/views/packing-section.js';
import type { PaymentProof } from '../../payments/payment-proof.repo.js';
import { carriers } from '../../shipping/index.js';
import { type Order, QUEUE_COUNT_CAP } from '../order.repo.js';
import { type OrderQueue, orderQueues } from '../order.rules.js';
import type { loadOrderPage } from '../order-page.data.js';
import { LinesTable, StateBadge, Thread, Timeline } from './order-parts.js';

/** `queue` undefined: the address named no queue we have; the tabs stay, so the next click is one away. */
export function QueuePage(props: {
  ctx: PageContext;
  queue: OrderQueue | undefined;
  counts: Record<OrderQueue, number>;
  rows: Order[];
}) {
  const { ctx, queue, counts, rows } = props;
  const { t, i18n } = ctx;
  return (
    <AdminShell ctx={ctx} title={t('admin.orders')}>
      <h1>{t('admin.orders')}</h1>
      <nav class="queues" aria-label={t('admin.queues')}>
        {orderQueues.map((q) => (
          <a
            href={`/admin/orders?queue=${q}`}
            aria-current={q === queue ? 'page' : undefined}
            class={q === 'overdue' && counts[q] > 0 ? 'overdue' : ''}
          >
            {t(`queue.${q}`)}{' '}
            <span class="count">
              {counts[q] > QUEUE_COUNT_CAP ? `${ctx.i18n.number(QUEUE_COUNT_CAP)}+` : String(counts[q])}
            </span>
          </a>
        ))}
      </nav>
      {queue === undefined ? (
        <p class="notice problem" role="alert">
          {t('admin.queueUnknown')}
        </p>
      ) : rows.length === 0 ? (
        <p class="empty">{t('admin.queueEmpty')}</p>
      ) : (
        <table class="data-table">
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
          <tbody>
            {rows.map((o) => (
              <tr>
                <td>
                  <a href={`/admin/orders/${o.number}`}>{o.number}</a>
                </td>
                <td>
                  <StateBadge ctx={ctx} state={o.status} />
                </td>
                <td safe>{o.fullName}</td>
                <td>{countryName(o.country, i18n.locale)}</td>
                <td class="num">{i18n.money(o.goodsCents)}</td>
                <td>{i18n.dateTime(o.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminShell>
  );
}

type Data = Awaited<ReturnType<typeof loadOrderPage>>;

function ProofReview({ ctx, d, p }: { ctx: PageContext; d: Data; p: PaymentProof }) {
  const { t, i18n } = ctx;
  const canReview =
    p.status === 'pending' &&
    (d.actions.includes('approvePayment') ||
      d.actions.includes('approvePartialPayment') ||
      d.actions.includes('rejectPayment'));
  const url = `/admin/orders/${d.order.number}/proofs/${p.id}`;
  return (
    <li class="card proof">
      <p>
        <strong>{i18n.money(p.amountCents)}</strong> · <span safe>{p.reference}</span> · <span safe>{p.paidOn}</span> ·{' '}
        <span class={`badge ${p.status === 'approved' ? 'done' : p.status === 'rejected' ? 'problem' : 'staff'}`}>
          {t(`proof.${p.status}`)}
        </span>
      </p>
      {p.duplicateOfOrder && (
        <p class="notice problem" role="alert">
          {t('proof.duplicate', { number: p.duplicateOfOrder })}
        </p>
      )}
      {p.mimeType === 'application/pdf' ? (
        <p>
          <a href={url}>{t('proof.openPdf')}</a>
        </p>
      ) : (
        <a href={url}>
          <img src={`${url}?inline=1`} alt={t('proof.image')} class="proof-image" />
        </a>
      )}
      {canReview && (
        <div class="review">
          <form method="post" action={`${url}/approve`}>
            <CsrfField ctx={ctx} />
            <button type="submit" class="primary">
              {t('action.approvePayment')}
            </button>
          </form>
          <form method="post" action={`${url}/reject`} class="inline-form">
            <CsrfField ctx={ctx} />
            <label for={`f-reason-${p.id}`}>{t('field.reason')}</label>
            <input id={`f-reason-${p.id}`} name="reason" required maxlength="1000" />
            <button type="submit" class="danger">
              {t('action.rejectPayment')}
            </button>
          </form>
        </div>
      )}
    </li>
  );
}

export function StaffOrderPage({
  ctx,
  d,
  forms = {},
}: {
  ctx: PageContext;
  d: Data;
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
          <a href={`/admin/orders?queue=${o.status === 'awaiting_quote' ? 'awaiting_quote' : 'payment_review'}`}>
            {t('admin.backToQueue')}
          </a>
        </span>
      </div>
      {d.trackingOverdue && <p class="notice problem">{t('admin.trackingOverdue')}</p>}
      <div class="order-grid">
        <div>
          <LinesTable ctx={ctx} order={o} lines={d.lines} />
          {can('setFreight') && (
            <form method="post" action={`/admin/orders/${o.number}/freight`} class="card" novalidate>
              <h2>{t('action.setFreight')}</h2>
              <CsrfField ctx={ctx} />
              <FormError ctx={ctx} form={forms.freight} />
              <div class="grid-2">
                <Field
                  ctx={ctx}
                  form={forms.freight}
                  name="freight"
                  label={t('field.freight')}
                  required
                  attrs={{ inputmode: 'decimal' }}
                />
                <Field
                  ctx={ctx}
                  form={forms.freight}
                  name="validDays"
                  type="number"
                  label={t('field.quoteValidDays')}
                  value="7"
                  attrs={{ min: 1, max: 60 }}
                />
              </div>
              <fieldset>
                <legend>{t('admin.linePrices')}</legend>
                {d.lines.map((l) => (
                  <Field
                    ctx={ctx}
                    form={forms.freight}
                    name={`price_${l.id}`}
                    label={`${l.sku} (${t('admin.listPrice')} ${i18n.money(l.listPriceCents)})`}
                    attrs={{ inputmode: 'decimal', placeholder: (l.unitPriceCents / 100).toFixed(2) }}
                  />
                ))}
              </fieldset>
              <Field ctx={ctx} form={forms.freight} name="note" label={t('field.note')} />
              <button type="submit" class="primary">
                {t('action.setFreight')}
              </button>
            </form>
          )}
          {d.proofs.length > 0 && (
            <section>
              <h2>{t('proof.list')}</h2>
              <ul class="proof-list">
                {d.proofs.map((p) => (
                  <ProofReview ctx={ctx} d={d} p={p} />
                ))}
              </ul>
            </section>
          )}
          {d.packing && (
            <PackingSection
              ctx={ctx}
              number={o.number}
              d={d.packing}
              canEdit={!!ctx.user && hasRole(ctx.user.role, 'warehouse') && d.packing.status !== 'cancelled'}
              forms={forms}
            />
          )}
          {can('markShipped') && (
            <form method="post" action={`/admin/orders/${o.number}/ship`} class="card" novalidate>
              <h2>{t('action.markShipped')}</h2>
              <CsrfField ctx={ctx} />
              <FormError ctx={ctx} form={forms.ship} />
              <div class="field">
                <label for="f-carrier">{t('field.carrier')}</label>
                <select id="f-carrier" name="carrier">
                  {carriers.map((c) => (
                    <option value={c} selected={forms.ship?.values?.carrier === c}>
                      {c}
                    </option>
                  ))}
                </select>
              </div>
              <Field
                ctx={ctx}
                form={forms.ship}
                name="tracking"
                label={t('field.trackingNumber')}
                hint={t('admin.trackingHint')}
                required
              />
              <button type="submit" class="primary">
                {t('action.markShipped')}
              </button>
            </form>
          )}
          {can('cancelOrder') && (
            <form method="post" action={`/admin/orders/${o.number}/cancel`} class="card" novalidate>
              <h2>{t('action.cancelOrder')}</h2>
              <CsrfField ctx={ctx} />
              <Field ctx={ctx} form={forms.cancel} name="reason" label={t('field.reason')} required />
              <button type="submit" class="danger">
                {t('action.cancelOrder')}
              </button>
            </form>
          )}
        </div>
        <aside>
          {d.afterSales && <OrderCases ctx={ctx} number={o.number} a={d.afterSales} staff />}
          <section class="card">
            <h2>{t('order.shipTo')}</h2>
            <address>
              <span safe>{o.fullName}</span> · <span safe>{o.email}</span> · <span safe>{o.phone}</span>
              <br />
              <span safe>{`${o.address}, ${o.postalCode} ${o.city}`}</span>, {countryName(o.country, i18n.locale)}
            </address>
            <p>
              {t(`shipping.${o.shippingMethod}`)} · <span safe>{d.method?.name ?? ''}</span>
            </p>
          </section>
          <section class="card">
            <h2>{t('order.timeline')}</h2>
            <Timeline ctx={ctx} events={d.events} />
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
