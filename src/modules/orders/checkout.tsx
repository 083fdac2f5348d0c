import { eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireUser } from '../../platform/auth/current-user.js';
import type { Db } from '../../platform/db/client.js';
import { jsonRow, jsonRows } from '../../platform/db/json-rows.js';
import { type PageContext, pageContext } from '../../platform/http/page-context.js';
import type { FormState } from '../../platform/views/form.js';
import { type CartLine, CartPage, cartAddedAt, cartLines } from '../cart/index.js';
import { recentlyChangedMethods, recentMethodChanges } from '../payments/index.js';
import { paymentMethods } from '../payments/payment.tables.js';
import { getSettings } from '../settings/index.js';
import { goodsTotalCents } from './order.rules.js';
import { savedAddresses } from './order.tables.js';
import { CheckoutForm } from './views/checkout-form.js';

/**
 * What the order form offers besides the cart: active payment methods (in their sort
 * order, with those whose details changed lately), and the customer's saved address,
 * in one round trip (#7).
 */
async function formChoices(db: Db, userId: number) {
  const [row] = await db
    .select({
      methods: jsonRows(paymentMethods, eq(paymentMethods.active, true)),
      changes: recentMethodChanges(new Date()),
      saved: jsonRow(savedAddresses, eq(savedAddresses.userId, userId)),
    })
    .from(sql`(select 1) one`);
  const methods = (row?.methods ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  return {
    methods,
    recentlyChanged: recentlyChangedMethods(methods, row?.changes ?? []),
    saved: row?.saved ?? undefined,
  };
}

/**
 * "My cart list" with the order form under it (also re-rendered with errors after a
 * refused submit); `orderedAs` says the cart the form showed was already ordered.
 */
export async function renderCartWithCheckout(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  status = 200,
  form?: FormState,
  orderedAs?: string,
) {
  const user = requireUser(req.user);
  const [lines, { methods, recentlyChanged, saved }, settings] = await Promise.all([
    cartLines(db, user.id),
    formChoices(db, user.id),
    getSettings(db),
  ]);
  const ctx = pageContext(req, reply);
  const checkout = lines.length
    ? CheckoutForm({
        ctx,
        d: {
          goodsCents: goodsTotalCents(lines),
          cartAt: cartAddedAt(lines),
          methods,
          recentlyChanged,
          settings,
          saved,
          defaultName: user.fullName,
        },
        form,
      })
    : undefined;
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      <CartPage ctx={ctx} v={{ lines }} checkout={checkout} notice={orderedAs && AlreadyOrdered({ ctx, orderedAs })} />,
    );
}

function AlreadyOrdered({ ctx, orderedAs }: { ctx: PageContext; orderedAs: string }) {
  return (
    <p class="notice" role="alert">
      {ctx.t('order.cartAlreadyOrdered')}{' '}
      <a href={`/orders/${orderedAs}`}>{ctx.t('order.viewOrder', { number: orderedAs })}</a>
    </p>
  );
}

/** The cart page's order form (plugged into the cart routes by the app). */
export async function checkoutFor(db: Db, req: FastifyRequest, reply: FastifyReply, lines: CartLine[]) {
  const user = requireUser(req.user);
  const [{ methods, recentlyChanged, saved }, settings] = await Promise.all([
    formChoices(db, user.id),
    getSettings(db),
  ]);
  return CheckoutForm({
    ctx: pageContext(req, reply),
    d: {
      goodsCents: goodsTotalCents(lines),
      cartAt: cartAddedAt(lines),
      methods,
      recentlyChanged,
      settings,
      saved,
      defaultName: user.fullName,
    },
  });
}
