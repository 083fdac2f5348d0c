import { DepositAddressBlock, type DepositPanel, type Order, orderMachine } from '../../modules/orders/index.js';
import type { PaymentMethod } from '../../modules/payment-methods/index.js';
import type { PageContext } from '../../platform/http/page-context.js';

/** How to pay this order: the method's instructions, the order's deposit address or the method's account, and the deadline. */
export function PaymentBlock(props: {
  ctx: PageContext;
  order: Order;
  method: PaymentMethod | undefined;
  /** The order's own address, shown instead of the method's account details. */
  deposit?: DepositPanel;
  detailsChanged: boolean;
}) {
  const { ctx, order: o, method } = props;
  const { t, i18n } = ctx;
  // Only while money is expected: once paid in full (or cancelled) the bank details are no longer offered.
  if (o.totalCents === null || !method || !orderMachine.is.quoted(o.status) || orderMachine.is.paid(o.status))
    return '';
  return (
    <section class="card payment" aria-labelledby="pay-h">
      <h2 id="pay-h">{t('order.paymentTitle')}</h2>
      {props.detailsChanged && (
        <p class="notice problem" role="alert">
          {t('order.paymentDetailsChanged')}
        </p>
      )}
      <p>
        <strong safe>{method.name}</strong>
      </p>
      <p class="pre" safe>
        {method.instructions}
      </p>
      {props.deposit ? (
        <DepositAddressBlock ctx={ctx} p={props.deposit} />
      ) : (
        <pre class="account" safe>
          {method.accountDetails}
        </pre>
      )}
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
