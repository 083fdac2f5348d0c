import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF protection (ADR 0002), two independent layers:
 * - A token bound to what the browser holds: HMAC(secret, session id) when logged in,
 *   HMAC(secret, pre-session cookie) for a visitor. A page on another site cannot read either;
 *   a cookie planted from outside (possible on plain http) does not help, because once logged
 *   in the token follows the session, which a planter cannot know.
 * - The browser's own word: `Sec-Fetch-Site` other than same-origin/none, or an `Origin` that
 *   is not the shop, is refused before the token is looked at.
 * Tokens travel in the form body or the `X-CSRF-Token` header, never in the URL (logs keep URLs).
 * The JSON API (`/api/`) takes no form body: a call made with the session cookie needs the
 * header, or the browser's own `Sec-Fetch-Site: same-origin`. A call authenticated by a bearer
 * token (`req.authenticatedByToken`, set by the API) carries no ambient credential a page on
 * another site could borrow, so CSRF does not apply to it.
 * Requires the session hook to have set `req.sessionId` before the token is read.
 */
export function registerCsrf(
  app: FastifyInstance,
  opts: { secret: string; cookieName: string; secure: boolean; publicOrigin: string },
) {
  const sign = (value: string) => createHmac('sha256', opts.secret).update(value).digest('base64url');
  // A page reads the token once per form: sign once per request, again only if what it signs
  // changed (a login in the middle of a request).
  const signed = new WeakMap<FastifyRequest, { of: string; token: string }>();

  app.decorateRequest('authenticatedByToken', false);
  app.decorateRequest('csrfToken', {
    getter(this: FastifyRequest) {
      const of = this.sessionId ? `session:${this.sessionId}` : `visitor:${this.cookies[opts.cookieName] ?? ''}`;
      let memo = signed.get(this);
      if (memo?.of !== of) {
        memo = { of, token: sign(of) };
        signed.set(this, memo);
      }
      return memo.token;
    },
  });
  app.addHook('onRequest', async (req, reply) => {
    const seed = req.cookies[opts.cookieName];
    if (seed && seed.length >= 32) return;
    const fresh = randomBytes(24).toString('base64url');
    reply.setCookie(opts.cookieName, fresh, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: opts.secure,
      maxAge: 60 * 60 * 24 * 365,
    });
    req.cookies[opts.cookieName] = fresh;
  });

  app.addHook('preHandler', async (req) => {
    if (!UNSAFE.has(req.method) || req.authenticatedByToken) return;
    if (crossSite(req, opts.publicOrigin)) throw new AppError('CSRF');
    const valid = (given: unknown) => typeof given === 'string' && sameToken(given, req.csrfToken);
    const header = req.headers['x-csrf-token'];
    if (req.url.startsWith('/api/')) {
      if (header === undefined && req.headers['sec-fetch-site'] === 'same-origin') return;
      if (!valid(header)) throw new AppError('CSRF');
      return;
    }
    if (header !== undefined) {
      if (!valid(header)) throw new AppError('CSRF');
      return;
    }
    if (req.isMultipart()) return requireTokenFirst(req, valid);
    if (!valid((req.body as Record<string, unknown> | undefined)?._csrf)) throw new AppError('CSRF');
  });
}

function sameToken(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What the browser says about where the request comes from, when it says anything. */
function crossSite(req: FastifyRequest, publicOrigin: string): boolean {
  // A browser that sends Sec-Fetch-Site has said it all: Chromium sends `Origin: null` on a
  // same-origin form post whenever the page's Referrer-Policy is no-referrer, so Origin is
  // only the fallback for browsers without Fetch Metadata.
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  if (origin === publicOrigin) return false;
  // Reached by another name than PUBLIC_URL (127.0.0.1 vs localhost in development): same host is fine.
  try {
    const from = new URL(origin);
    // Through URL on both sides, so a default port written out (":443") compares equal to none.
    return from.host !== new URL(`${from.protocol}//${req.headers.host}`).host;
  } catch {
    return true; // "null" (sandboxed frames, some redirects) or garbage
  }
}

/**
 * A multipart body is streamed by the route after this hook, so the token is checked as the
 * body is read: it must be the first part (upload forms put their hidden `_csrf` field first,
 * and browsers send fields in document order). Every way a route reads the body goes through
 * the check, so no file or field reaches a route from a request without the token.
 */
function requireTokenFirst(req: FastifyRequest, valid: (token: unknown) => boolean) {
  const parts = req.parts.bind(req);
  async function* checked(options?: Parameters<FastifyRequest['parts']>[0]): AsyncIterableIterator<Multipart> {
    let first = true;
    for await (const part of parts(options)) {
      if (first) {
        first = false;
        if (part.type !== 'field' || part.fieldname !== '_csrf' || !valid(part.value)) throw new AppError('CSRF');
        continue;
      }
      yield part;
    }
    if (first) throw new AppError('CSRF');
  }
  req.parts = checked;
  req.file = async (options) => {
    for await (const part of checked(options)) if (part.type === 'file') return part as MultipartFile;
    return undefined;
  };
  req.files = async function* files(options) {
    for await (const part of checked(options)) if (part.type === 'file') yield part as MultipartFile;
  };
}
