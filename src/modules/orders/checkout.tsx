import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireUser } from '../../platform/auth/current-user.js';
import type { Db } from '../../platform/db/client.js';
import { pageContext } from '../../platform/http/page-context.js';
import type { FormState } from '../../platform/views/form.js';
import { CartPage, type CartLine, cartLines } from '../cart/index.js';
import { listPaymentMethods } from '../payments/payment-method.repo.js';
import { getSettings } from '../settings/index.js';
import { savedAddressOf } from './order.repo.js';
import { goodsTotalCents } from './order.rules.js';
import { CheckoutForm } from './views/checkout-form.js';

/** "My cart list" with the order form under it (also re-rendered with errors after a refused submit). */
export async function renderCartWithCheckout(db: Db, req: FastifyRequest, reply: FastifyReply, status = 200, form?: FormState) {
  const user = requireUser(req.user);
  const [lines, methods, settings, saved] = await Promise.all([
    cartLines(db, user.id),
    listPaymentMethods(db),
    getSettings(db),
    savedAddressOf(db, user.id),
  ]);
  const ctx = pageContext(req, reply);
  const checkout = lines.length
    ? CheckoutForm({ ctx, d: { goodsCents: goodsTotalCents(lines), methods, settings, saved, defaultName: user.fullName }, form })
    : undefined;
  return reply.code(status).type('text/html; charset=utf-8').send(<CartPage ctx={ctx} v={{ lines }} checkout={checkout} />);
}

/** The cart page's order form (plugged into the cart routes by the app). */
export async function checkoutFor(db: Db, req: FastifyRequest, reply: FastifyReply, lines: CartLine[]) {
  const user = requireUser(req.user);
  const [methods, settings, saved] = await Promise.all([listPaymentMethods(db), getSettings(db), savedAddressOf(db, user.id)]);
  return CheckoutForm({
    ctx: pageContext(req, reply),
    d: { goodsCents: goodsTotalCents(lines), methods, settings, saved, defaultName: user.fullName },
  });
}
