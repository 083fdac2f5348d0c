import { and, eq, isNull, lte } from 'drizzle-orm';
import { type ActionContext, outcome } from '../../../platform/effects.js';
import { AppError } from '../../../platform/errors.js';
import { notifyCustomer } from '../../accounts/index.js';
import { getSettings } from '../../settings/index.js';
import type { Order } from '../order.repo.js';
import { AUTO_COMPLETE_REMINDER_DAYS, addDays } from '../order.rules.js';
import { orders } from '../order.tables.js';
import { noOrderHooks, type OrderHooks } from '../order-hooks.port.js';
import { alertOverdueOrders } from './alert-overdue-orders.js';
import { cancelOrder } from './cancel-order.js';
import { confirmDelivery } from './confirm-delivery.js';

const SYSTEM = { role: 'system' } as const;

/**
 * The time-driven rules, run on a timer by every app process: expired payment
 * deadlines cancel, shipped orders complete after the delay (with a reminder first),
 * newly overdue orders are flagged by mail.
 * Each change is a conditional update, so when two processes sweep at once one wins
 * and the other's attempt is a harmless conflict.
 */
export async function runOrderSweep(actions: ActionContext, now = new Date(), hooks: OrderHooks = noOrderHooks) {
  const { db } = actions;
  const settings = await getSettings(db);
  const changed: string[] = [];
  const quietly = async (order: Order, fn: () => Promise<unknown>) => {
    try {
      await fn();
      changed.push(order.number);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
    }
  };

  const expired = await db
    .select()
    .from(orders)
    .where(and(eq(orders.status, 'awaiting_payment'), lte(orders.paymentDueAt, now)))
    .limit(100);
  for (const o of expired)
    await quietly(o, () => cancelOrder(actions, o, SYSTEM, 'expirePayment', 'Payment deadline passed', hooks, now));

  const completeBefore = addDays(now, -settings.autoCompleteDays);
  const due = await db
    .select()
    .from(orders)
    .where(and(eq(orders.status, 'shipped'), lte(orders.shippedAt, completeBefore)))
    .limit(100);
  for (const o of due) await quietly(o, () => confirmDelivery(actions, o, SYSTEM, now));

  // Reminder a few days before auto-completion; the conditional update sends it once.
  const remindBefore = addDays(now, -(settings.autoCompleteDays - AUTO_COMPLETE_REMINDER_DAYS));
  await actions.transaction(async (tx) => {
    const reminded = await tx
      .update(orders)
      .set({ completeReminderSentAt: now })
      .where(
        and(eq(orders.status, 'shipped'), lte(orders.shippedAt, remindBefore), isNull(orders.completeReminderSentAt)),
      )
      .returning({ number: orders.number, customerId: orders.customerId });
    for (const o of reminded) {
      await notifyCustomer(tx, o.customerId, {
        subject: 'mail.reminder.subject',
        body: 'mail.reminder.body',
        params: { number: o.number, days: AUTO_COMPLETE_REMINDER_DAYS },
      });
    }
    await alertOverdueOrders(tx, now);
    return outcome(undefined);
  });
  return changed;
}

/** Starts the sweep timer; returns a stop function. Each change publishes its own effects after it commits. */
export function startOrderSweep(
  actions: ActionContext,
  hooks: OrderHooks,
  log: (err: unknown) => void,
  everyMs = 60_000,
  /** Called after each run that succeeded (the sweep-lag metric). */
  onSuccess: () => void = () => {},
) {
  const timer = setInterval(() => {
    runOrderSweep(actions, new Date(), hooks).then(onSuccess, log);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
