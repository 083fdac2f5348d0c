import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * The security headers of every response (SECURITY.md "Web"): one policy, no nonces (no view
 * uses inline script or style), HSTS and upgrade-insecure-requests on https. Helmet's middleware
 * is built once here; `@fastify/helmet` built it anew on every request, ~5% of a page's time (#18).
 */
export function registerSecurityHeaders(app: FastifyInstance, opts: { https: boolean }) {
  const apply = helmet({
    hsts: opts.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // No referrer to other sites (order numbers are in our URLs); our own form posts keep their Origin.
    referrerPolicy: { policy: 'same-origin' },
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        ...(opts.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
  });
  app.addHook('onRequest', (req, reply, done) => apply(req.raw, reply.raw, (err) => done(err as Error | undefined)));
}
