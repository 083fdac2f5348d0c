import { randomBytes } from 'node:crypto';
import { escapeHtml } from '@kitajs/html';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type PageContext, pageContext } from './page-context.js';

/**
 * Where a whole page is kept: the page's HTML split around the CSRF token. The store
 * decides lifetime and invalidation (the catalog cache: cleared whenever the catalog changes).
 */
export type PageStore = (key: string, render: () => Promise<string[]>) => Promise<string[]>;

/**
 * Stand in for the CSRF token and the user's name while a kept page is rendered. Random per
 * process, so no product name or query string can contain them; letters, digits and dashes,
 * so escaping leaves them as they are.
 */
const TOKEN_HOLE = `csrf-hole-${randomBytes(16).toString('hex')}`;
const NAME_HOLE = `name-hole-${randomBytes(16).toString('hex')}`;
const HOLES = new RegExp(`(${TOKEN_HOLE}|${NAME_HOLE})`);

/**
 * Sends a storefront page, rendering it at most once per locale, URL and audience (ADR 0010,
 * ADR 0037). A page depends only on the locale, the URL, the cached catalog data and who is
 * looking: a visitor, or a logged-in user of one role (the header's links). What differs
 * between two people of one audience is their CSRF token (forms, htmx headers) and, logged
 * in, their name in the header: the page is rendered once with holes there and each view
 * fills in its own (the name escaped). Everything else of the user is blanked while the page
 * is rendered, so a view that printed it would show nobody's, never another user's.
 *
 * `render` must read nothing of the request but what `ctx` and the URL carry. A render that
 * throws (404, bad query) is not kept.
 */
export async function sendVisitorPage(
  req: FastifyRequest,
  reply: FastifyReply,
  store: PageStore,
  render: (ctx: PageContext) => JSX.Element | Promise<JSX.Element>,
) {
  const ctx = pageContext(req);
  reply.type('text/html; charset=utf-8');
  const { user } = ctx;
  const audience = user?.role ?? 'visitor';
  const parts = await store(`${ctx.i18n.locale} ${audience} ${req.url}`, async () => {
    const anyone = user && { id: 0, email: '', role: user.role, fullName: NAME_HOLE };
    return (await render({ ...ctx, user: anyone, csrf: TOKEN_HOLE })).split(HOLES);
  });
  const name = user ? escapeHtml(user.fullName) : '';
  let html = '';
  // split() with a capturing group: text at even indexes, the hole it was cut at in between.
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    html += i % 2 === 0 ? part : part === TOKEN_HOLE ? ctx.csrf : name;
  }
  return reply.send(html);
}
