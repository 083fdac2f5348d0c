import type { PageContext } from '../../../platform/http/page-context.js';
import {
  Thread as HistoryThread,
  Timeline as HistoryTimeline,
  type ThreadMessage,
} from '../../../platform/views/history.js';
import { ScrollTable } from '../../../platform/views/scroll-table.js';
import { type OrderState, orderMachine, orderStates } from '../order.machine.js';
import type { Order, OrderLine } from '../order.repo.js';
import { balanceCents } from '../order.rules.js';

/** One status colour language (DESIGN §5b): waiting on buyer amber, staff blue, done green, cancelled grey. */
export const stateTone: Record<OrderState, 'buyer' | 'staff' | 'done' | 'muted'> = {
  awaiting_quote: 'staff',
  awaiting_payment: 'buyer',
  payment_review: 'staff',
  ready_to_ship: 'staff',
  shipped: 'buyer',
  completed: 'done',
  cancelled: 'muted',
};

/** Per language (its `t`), each state's badge: lists show the same few on every row (#18). */
const badges = new WeakMap<PageContext['t'], Map<OrderState, string>>();

export function StateBadge({ ctx, state }: { ctx: PageContext; state: OrderState }) {
  let perLanguage = badges.get(ctx.t);
  if (!perLanguage) {
    perLanguage = new Map();
    badges.set(ctx.t, perLanguage);
  }
  let html = perLanguage.get(state);
  if (html === undefined) {
    html = (<span class={`badge ${stateTone[state]}`}>{ctx.t(`state.${state}`)}</span>) as string;
    perLanguage.set(state, html);
  }
  return html;
}

const steps = orderStates.filter(orderMachine.is.onTrack);

export function ProgressStepper({ ctx, state }: { ctx: PageContext; state: OrderState }) {
  const current = steps.indexOf(state);
  return (
    <ol class="stepper" aria-label={ctx.t('order.progress')}>
      {steps.map((s, i) => {
        const status = state === 'cancelled' ? 'todo' : i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li class={`step ${status}`} aria-current={status === 'current' ? 'step' : undefined}>
            {ctx.t(`state.${s}`)}
          </li>
        );
      })}
    </ol>
  );
}

export function LinesTable({ ctx, order, lines }: { ctx: PageContext; order: Order; lines: OrderLine[] }) {
  const { t, i18n } = ctx;
  const balance = balanceCents(order.totalCents, order.paidCents);
  return (
    <ScrollTable label={t('order.lines')} class="lines-table stacked">
      <caption>{t('order.lines')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('spec.sku')}</th>
          <th scope="col">{t('cart.product')}</th>
          <th scope="col" class="num">
            {t('field.quantity')}
          </th>
          <th scope="col" class="num">
            {t('cart.unitPrice')}
          </th>
          <th scope="col" class="num">
            {t('cart.lineTotal')}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr>
            <td data-label={t('spec.sku')} safe>
              {l.sku}
            </td>
            <td class="product">
              <span safe>{l.name}</span>
              {l.backordered && <span class="badge staff">{t('product.backorder')}</span>}
            </td>
            <td class="num" data-label={t('field.quantity')}>
              {String(l.quantity)}
            </td>
            <td class="num" data-label={t('cart.unitPrice')}>
              {i18n.money(l.unitPriceCents)}
              {l.unitPriceCents !== l.listPriceCents && <s class="was">{i18n.money(l.listPriceCents)}</s>}
            </td>
            <td class="num" data-label={t('cart.lineTotal')}>
              {i18n.money(l.unitPriceCents * l.quantity)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colspan="4">
            {t('order.goods')}
          </th>
          <td class="num">{i18n.money(order.goodsCents)}</td>
        </tr>
        <tr>
          <th scope="row" colspan="4">
            {t('order.freight', { method: t(`shipping.${order.shippingMethod}`) })}
          </th>
          <td class="num">
            {order.freightCents === null ? t('order.freightPending') : i18n.money(order.freightCents)}
          </td>
        </tr>
        <tr class="total">
          <th scope="row" colspan="4">
            {t('order.total')}
          </th>
          <td class="num">{order.totalCents === null ? '—' : i18n.money(order.totalCents)}</td>
        </tr>
        {order.paidCents > 0 && (
          <tr>
            <th scope="row" colspan="4">
              {t('order.paid')}
            </th>
            <td class="num">{i18n.money(order.paidCents)}</td>
          </tr>
        )}
        {balance !== null && order.paidCents > 0 && (
          <tr class="total">
            <th scope="row" colspan="4">
              {t('order.balance')}
            </th>
            <td class="num">{i18n.money(balance)}</td>
          </tr>
        )}
      </tfoot>
    </ScrollTable>
  );
}

type TimelineProps = Omit<Parameters<typeof HistoryTimeline>[0], 'label'>;

/** The order's events, named in the reader's language. */
export const Timeline = (p: TimelineProps) => (
  <HistoryTimeline {...p} label={(e) => (orderMachine.isRecorded(e) ? p.ctx.t(`event.${e}`) : undefined)} />
);

/** The order's messages, internal notes marked (customers never receive those). */
export const Thread = (p: { ctx: PageContext; messages: ThreadMessage[] }) => <HistoryThread {...p} />;
