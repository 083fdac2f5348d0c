import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type PageContext, pageContext } from './page-context.js';

/**
 * Where a whole page is kept: the page's HTML split around the CSRF token. The store
 * decides lifetime and invalidation (the catalog cache: cleared whenever the catalog changes).
 */
export type PageStore = (key: string, render: () => Promise<string[]>) => Promise<string[]>;

/**
 * Stands in for the CSRF token while a visitor's page is rendered. Random per process, so
 * no product name or query string can contain it; letters, digits and a dash, so escaping
 * leaves it as it is.
 */
const TOKEN_HOLE = `csrf-hole-${randomBytes(16).toString('hex')}`;

/**
 * Sends a storefront page, rendering it at most once per locale and URL for visitors who
 * are not logged in (ADR 0010). For them a page depends only on the locale, the URL and
 * the cached catalog data, except for their CSRF token (forms, htmx headers): the page is
 * rendered once with a hole for the token and each view fills in the visitor's own.
 * A logged-in user's page (name, staff link) is rendered on every view.
 *
 * `render` must read nothing of the request but what `ctx` and the URL carry. A kept page
 * has no CSP nonce (an inline script in it would be blocked, never run with a stale
 * nonce). A render that throws (404, bad query) is not kept.
 */
export async function sendVisitorPage(
  req: FastifyRequest,
  reply: FastifyReply,
  store: PageStore,
  render: (ctx: PageContext) => JSX.Element | Promise<JSX.Element>,
) {
  const ctx = pageContext(req, reply);
  reply.type('text/html; charset=utf-8');
  if (ctx.user) return reply.send(await render(ctx));
  const parts = await store(`${ctx.i18n.locale} ${req.url}`, async () =>
    (await render({ ...ctx, csrf: TOKEN_HOLE, nonce: '' })).split(TOKEN_HOLE),
  );
  return reply.send(parts.join(ctx.csrf));
}
