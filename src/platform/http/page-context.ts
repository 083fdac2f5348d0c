import type { FastifyRequest } from 'fastify';
import type { CurrentUser } from '../auth/current-user.js';
import type { I18n } from '../i18n/index.js';
import { localePath } from './locale.js';

/** What every view needs from the request, passed explicitly so views stay plain functions. */
export interface PageContext {
  i18n: I18n;
  t: I18n['t'];
  user?: CurrentUser;
  csrf: string;
  /** The request's path and query, without a language prefix ("/es/x" is "/x" here). */
  path: string;
  /** A site path in the page's language: "/x" or "/es/x" (ADR 0026). */
  href(path: string): string;
  /** PUBLIC_URL, for absolute links. */
  publicUrl: string;
}

export function pageContext(req: FastifyRequest): PageContext {
  return {
    i18n: req.i18n,
    t: req.i18n.t,
    user: req.user,
    csrf: req.csrfToken,
    path: req.url,
    href: (path) => localePath(req.i18n.locale, path),
    publicUrl: req.publicUrl,
  };
}
