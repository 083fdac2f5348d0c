import type { FastifyReply, FastifyRequest } from 'fastify';
import { CartPage, type CartView, cartAddedAt, cartLinesSql } from '../../modules/cart/index.js';
import { CheckoutForm, goodsTotalCents, savedAddressSql } from '../../modules/orders/index.js';
import {
  activeMethodsSql,
  recentChangesSince,
  recentlyChangedMethods,
  recentMethodChanges,
} from '../../modules/payment-methods/index.js';
import { getSettings } from '../../modules/settings/index.js';
import { requireUser } from '../../platform/auth/current-user.js';
import { oneRow } from '../../platform/db/capped-count.js';
import type { Db } from '../../platform/db/client.js';
import { type Placeholders, preparedPerDb } from '../../platform/db/prepared.js';
import { type PageContext, pageContext } from '../../platform/http/page-context.js';
import type { FormState } from '../../platform/views/form.js';

/** The cart and the order form's lists, in one statement built once per database (#18). */
const cartPageQuery = preparedPerDb((db, p: Placeholders<{ since: Date; userId: number }>) =>
  db
    .select({
      lines: cartLinesSql(db, p.userId),
      methods: activeMethodsSql(),
      changes: recentMethodChanges(p.since),
      saved: savedAddressSql(p.userId),
    })
    .from(oneRow),
);

/**
 * "My cart list" with the order form under it: the cart, the active payment methods (in
 * their sort order, with those whose details changed lately), the customer's saved address
 * and the settings, in one round trip besides the settings' (cached). Also shown again with
 * errors after a refused submit or line change; `orderedAs` says the cart the form showed was
 * already ordered.
 */
export async function renderCartPage(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  shown: { status?: number; form?: FormState; orderedAs?: string; lineError?: CartView['lineError'] },
) {
  const user = requireUser(req.user);
  const [[row], settings] = await Promise.all([
    cartPageQuery(db, { since: recentChangesSince(new Date()), userId: user.id }),
    getSettings(db),
  ]);
  const lines = row?.lines ?? [];
  const methods = (row?.methods ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const ctx = pageContext(req);
  const checkout = lines.length
    ? CheckoutForm({
        ctx,
        d: {
          methods,
          recentlyChanged: recentlyChangedMethods(methods, row?.changes ?? []),
          settings,
          saved: row?.saved ?? undefined,
          defaultName: user.fullName,
          goodsCents: goodsTotalCents(lines),
          cartAt: cartAddedAt(lines),
        },
        form: shown.form,
      })
    : undefined;
  const { orderedAs, lineError } = shown;
  return reply
    .code(shown.status ?? 200)
    .type('text/html; charset=utf-8')
    .send(
      <CartPage
        ctx={ctx}
        v={{ lines, lineError }}
        checkout={checkout}
        notice={orderedAs && AlreadyOrdered({ ctx, orderedAs })}
      />,
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
