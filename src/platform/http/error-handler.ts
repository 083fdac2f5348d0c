import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, errorCatalog } from '../errors.js';
import { ErrorMessage, ErrorPage } from '../views/error-page.js';
import { seeOther } from './locale.js';
import { pageContext } from './page-context.js';

/** Maps anything thrown to a catalog code; framework 4xx errors keep their meaning. */
function toCode(err: FastifyError | AppError): ErrorCode {
  if (err instanceof AppError) return err.code;
  switch (err.statusCode) {
    case 404:
      return 'NOT_FOUND';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    case 400:
    case 415:
    case 422:
      return 'VALIDATION';
    default:
      return 'INTERNAL';
  }
}

export const wantsJson = (req: FastifyRequest) => req.url.startsWith('/api/');
const isHtmx = (req: FastifyRequest) => req.headers['hx-request'] === 'true';

export function sendError(req: FastifyRequest, reply: FastifyReply, code: ErrorCode, fields?: Record<string, string>) {
  const { status, message } = errorCatalog[code];
  reply.code(status);
  if (wantsJson(req)) return reply.send({ error: { code, message: req.i18n.t(message) } });
  // A visitor on a page behind login goes to log in and comes back.
  if (code === 'UNAUTHENTICATED' && !isHtmx(req)) {
    const next = req.method === 'GET' ? `?next=${encodeURIComponent(req.url)}` : '';
    return seeOther(req, reply, `/login${next}`);
  }
  const ctx = pageContext(req);
  reply.type('text/html; charset=utf-8');
  const props = { ctx, status, message, fields };
  return reply.send(isHtmx(req) ? ErrorMessage(props) : ErrorPage(props));
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const code = toCode(err);
    if (code === 'INTERNAL') req.log.error({ err }, 'unhandled error');
    else req.log.info({ code, msg: err.message }, 'request refused');
    return sendError(req, reply, code, err instanceof AppError ? err.fields : undefined);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, 'NOT_FOUND'));
}
