import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Signed double-submit CSRF protection (OWASP): every browser gets a random HttpOnly
 * cookie; forms carry HMAC(secret, cookie). A cross-site page can neither read the
 * cookie nor compute the token. Browsers that send Sec-Fetch-Site are also refused
 * when the request is cross-site.
 */
export function registerCsrf(app: FastifyInstance, opts: { secret: string; cookieName: string; secure: boolean }) {
  const sign = (value: string) => createHmac('sha256', opts.secret).update(value).digest('base64url');

  app.decorateRequest('csrfToken', '');
  app.addHook('onRequest', async (req, reply) => {
    let seed = req.cookies[opts.cookieName];
    if (!seed || seed.length < 32) {
      seed = randomBytes(24).toString('base64url');
      reply.setCookie(opts.cookieName, seed, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secure,
        maxAge: 60 * 60 * 24 * 365,
      });
      req.cookies[opts.cookieName] = seed;
    }
    req.csrfToken = sign(seed);
  });

  app.addHook('preHandler', async (req) => {
    if (!UNSAFE.has(req.method)) return;
    if (req.headers['sec-fetch-site'] === 'cross-site') throw new AppError('CSRF');
    const given = submittedToken(req);
    const expected = Buffer.from(req.csrfToken);
    if (!given || given.length !== expected.length || !timingSafeEqual(Buffer.from(given), expected)) {
      throw new AppError('CSRF');
    }
  });
}

function submittedToken(req: FastifyRequest): string | undefined {
  const header = req.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = req.body as Record<string, unknown> | undefined;
  if (body && typeof body === 'object' && typeof body._csrf === 'string') return body._csrf;
  // Multipart bodies are streamed after this hook, so upload forms put the token in the query.
  const query = req.query as Record<string, unknown>;
  return typeof query._csrf === 'string' ? query._csrf : undefined;
}
