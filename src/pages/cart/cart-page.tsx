import type { FastifyReply, FastifyRequest } from 'fastify';
import { type CartLine, CartPage, cartAddedAt, cartLines } from '../../modules/cart/index.js';
import { CheckoutForm, goodsTotalCents, savedAddressSql } from '../../modules/orders/index.js';
import {
  activeMethodsSql,
  recentChangesSince,
  recentlyChangedMethods,
  recentMethodChanges,
} from '../../modules/payment-methods/index.js';
import { getSettings } from '../../modules/settings/index.js';
import { type CurrentUser, requireUser } from '../../platform/auth/current-user.js';
import { oneRow } from '../../platform/db/capped-count.js';
import type { Db } from '../../platform/db/client.js';
import { type Placeholders, preparedPerDb } from '../../platform/db/prepared.js';
import { type PageContext, pageContext } from '../../platform/http/page-context.js';
import type { FormState } from '../../platform/views/form.js';

/** The order form's lists, in one statement built once per database (#18). */
const choicesQuery = preparedPerDb((db, p: Placeholders<{ since: Date; userId: number }>) =>
  db
    .select({ methods: activeMethodsSql(), changes: recentMethodChanges(p.since), saved: savedAddressSql(p.userId) })
    .from(oneRow),
);

/**
 * What the order form shows besides the cart: active payment methods (in their sort
 * order, with those whose details changed lately), the customer's saved address and the
 * settings: one round trip besides the settings' (#7).
 */
async function formChoices(db: Db, user: CurrentUser) {
  const [[row], settings] = await Promise.all([
    choicesQuery(db, { since: recentChangesSince(new Date()), userId: user.id }),
    getSettings(db),
  ]);
  const methods = (row?.methods ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  return {
    methods,
    recentlyChanged: recentlyChangedMethods(methods, row?.changes ?? []),
    settings,
    saved: row?.saved ?? undefined,
    defaultName: user.fullName,
  };
}

const checkoutData = (choices: Awaited<ReturnType<typeof formChoices>>, lines: CartLine[]) => ({
  ...choices,
  goodsCents: goodsTotalCents(lines),
  cartAt: cartAddedAt(lines),
});

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
  const [lines, choices] = await Promise.all([cartLines(db, user.id), formChoices(db, user)]);
  const ctx = pageContext(req);
  const checkout = lines.length ? CheckoutForm({ ctx, d: checkoutData(choices, lines), form }) : undefined;
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
export async function checkoutFor(db: Db, req: FastifyRequest, lines: CartLine[]) {
  const user = requireUser(req.user);
  return CheckoutForm({ ctx: pageContext(req), d: checkoutData(await formChoices(db, user), lines) });
}
