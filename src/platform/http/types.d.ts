import type { CurrentUser } from '../auth/current-user.js';
import type { I18n } from '../i18n/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    user?: CurrentUser;
    /** Raw session cookie value of the logged-in user (to delete at logout). */
    sessionId?: string;
    i18n: I18n;
    csrfToken: string;
    /** PUBLIC_URL without the trailing slash: absolute links (canonical, sitemap, Open Graph). */
    publicUrl: string;
    /** The request proved who it is with a bearer token (the API), not a cookie: CSRF does not apply. */
    authenticatedByToken: boolean;
  }
}
