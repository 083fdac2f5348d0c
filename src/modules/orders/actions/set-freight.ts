import { and, eq } from 'drizzle-orm';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { AppError } from '../../../platform/errors.js';
import { orderTopic } from '../../../platform/events.js';
import { amount } from '../../../platform/mail/index.js';
import { notifyCustomer } from '../../accounts/index.js';
import { findPaymentMethod } from '../../payment-methods/index.js';
import { getSettings } from '../../settings/index.js';
import { assignDepositAddress } from '../deposit-address.repo.js';
import type { Actor } from '../order.machine.js';
import { applyTransition, type Order, orderLinesOf } from '../order.repo.js';
import { addDays, goodsTotalCents, paymentDueAt } from '../order.rules.js';
import { orderLines } from '../order.tables.js';

export interface FreightQuote {
  freightCents: number;
  validDays: number;
  note: string;
  /** Optional new unit prices per line id (sales may adjust when quoting). */
  linePrices: Map<number, number>;
}

/** Sales quotes freight (and optionally line prices): the total is now known and the payment clock starts. */
export async function setFreight(
  actions: ActionContext,
  order: Order,
  actor: Actor,
  quote: FreightQuote,
  now = new Date(),
) {
  const settings = await getSettings(actions.db);
  return actions.transaction(async (tx) => {
    const lines = await orderLinesOf(tx, order.id);
    for (const id of quote.linePrices.keys()) {
      if (!lines.some((l) => l.id === id)) throw new AppError('VALIDATION', { fields: { _form: 'field.invalid' } });
    }
    for (const [id, cents] of quote.linePrices) {
      await tx
        .update(orderLines)
        .set({ unitPriceCents: cents })
        .where(and(eq(orderLines.id, id), eq(orderLines.orderId, order.id)));
    }
    const goods = goodsTotalCents(
      lines.map((l) => ({ ...l, unitPriceCents: quote.linePrices.get(l.id) ?? l.unitPriceCents })),
    );
    const total = goods + quote.freightCents;
    const updated = await applyTransition(tx, order, 'setFreight', actor, {
      set: {
        goodsCents: goods,
        freightCents: quote.freightCents,
        totalCents: total,
        quoteNote: quote.note || null,
        quotedAt: now,
        quoteValidUntil: addDays(now, quote.validDays),
        paymentDueAt: paymentDueAt(now, settings.paymentDeadlineHours),
      },
      note: quote.note || undefined,
      now,
    });
    // A method with a watch-only key gives the order its own address now, with the quote.
    const method = await findPaymentMethod(tx, order.paymentMethodId);
    if (method) await assignDepositAddress(tx, updated, method);
    await notifyCustomer(tx, order.customerId, {
      subject: 'mail.freightQuoted.subject',
      body: 'mail.freightQuoted.body',
      params: { number: order.number, total: amount(total), hours: settings.paymentDeadlineHours },
    });
    return outcome(updated, { topics: [orderTopic(order.number)], ordersChanged: true });
  });
}
