import swagger from '@fastify/swagger';
import type { FastifyError, FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/client.js';
import type { ActionContext } from '../../platform/effects.js';
import { AppError } from '../../platform/errors.js';
import { pageContext } from '../../platform/http/page-context.js';
import type { Storage } from '../../platform/storage.js';
import type { CatalogCache } from '../catalog/index.js';
import type { OrderHooks } from '../orders/index.js';
import { problemOf, sendProblem, toProblem } from './problem.js';
import { buyerApi } from './routes/buyer.api.js';
import { caseApi } from './routes/cases.api.js';
import { catalogAdminApi } from './routes/catalog-admin.api.js';
import { orderApi } from './routes/orders.api.js';
import { packingApi } from './routes/packing.api.js';
import { productApi } from './routes/products.api.js';
import { proofApi } from './routes/proofs.api.js';
import { refundApi } from './routes/refunds.api.js';
import { repairCenterApi } from './routes/repair-centers.api.js';
import { uploadApi } from './routes/uploads.api.js';
import { warrantyApi } from './routes/warranty.api.js';
import { useApiToken } from './token.repo.js';
import { hashApiToken, TOKEN_PATTERN, TOKEN_REQUESTS_PER_MINUTE } from './token.rules.js';
import { ApiDocsPage } from './views/api-docs-page.js';

export interface ApiOptions {
  db: Db;
  actions: ActionContext;
  hooks: OrderHooks;
  cache: CatalogCache;
  storage: Storage;
  /** For the links in the mail a decision sends (repair-center review). */
  publicUrl: string;
}

/**
 * `/api/v1` (ADR 0027): JSON validated and documented by the same zod schemas. The zod
 * validator and serializer, the problem-details error handler and the bearer-token hook are
 * set on this plugin's context only: the HTML routes keep their own parsing and error pages.
 */
export async function apiPlugin(app: FastifyInstance, opts: ApiOptions) {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hashcart API',
        version: '1.0.0',
        description:
          'The shop’s orders, payments, packing, after-sales cases, catalog, refunds, repair-center review and warranty check, with the same rules as the pages. Errors are RFC 9457 problem details.',
      },
      components: {
        securitySchemes: {
          token: { type: 'http', scheme: 'bearer', description: 'A staff API token (`hc_…`), made by an admin.' },
          session: { type: 'apiKey', in: 'cookie', name: 'hc_sid', description: 'A logged-in browser session.' },
        },
      },
      security: [{ token: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const problem = toProblem(req, err);
    if (problem.status >= 500) req.log.error({ err }, 'unhandled API error');
    else req.log.info({ code: problem.code, msg: err.message }, 'API request refused');
    if (problem.status === 401) reply.header('www-authenticate', 'Bearer');
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((req, reply) => sendProblem(reply, problemOf(req, 'NOT_FOUND')));

  app.decorateRequest('apiCaller', undefined);
  app.addHook('onRequest', async (req, reply) => {
    const auth = req.headers.authorization;
    if (auth === undefined) {
      if (req.user) req.apiCaller = { kind: 'session', user: req.user };
      return;
    }
    // A token request never also acts as the browser's session.
    req.user = undefined;
    const m = /^Bearer (\S+)$/.exec(auth);
    const token =
      m?.[1] !== undefined && TOKEN_PATTERN.test(m[1]) ? await useApiToken(opts.db, hashApiToken(m[1])) : undefined;
    if (!token) throw new AppError('UNAUTHENTICATED');
    if (token.windowHits > TOKEN_REQUESTS_PER_MINUTE) {
      const wait = Math.max(1, Math.ceil((token.windowStart.getTime() + 60_000 - Date.now()) / 1000));
      reply.header('retry-after', String(wait));
      throw new AppError('RATE_LIMITED');
    }
    req.authenticatedByToken = true;
    req.apiCaller = {
      kind: 'token',
      tokenId: token.id,
      name: token.name,
      roles: token.roles,
      user: { id: token.userId, email: token.email, fullName: token.fullName },
    };
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/docs', { schema: { hide: true } }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').send(<ApiDocsPage ctx={pageContext(req)} doc={app.swagger() as never} />),
  );

  const { db, actions, hooks, storage } = opts;
  // JSON only: a form post (the one body a page on another site can send without asking) is a 415.
  await app.register(async (json) => {
    json.removeAllContentTypeParsers();
    json.addContentTypeParser('application/json', { parseAs: 'string' }, json.getDefaultJsonParser('error', 'error'));
    // Only what each needs: `opts` also carries this plugin's own prefix.
    await json.register(orderApi, { db, actions, hooks, storage });
    await json.register(productApi, { cache: opts.cache });
    await json.register(buyerApi, { db, actions });
    await json.register(packingApi, { db, actions });
    await json.register(proofApi, { db });
    await json.register(caseApi, { db, actions });
    await json.register(catalogAdminApi, { db, actions });
    await json.register(refundApi, { db, actions, storage });
    await json.register(repairCenterApi, { db, publicUrl: opts.publicUrl });
    await json.register(warrantyApi, { db });
  });
  // The uploads (a payment proof, packing photos and videos) take multipart/form-data and nothing
  // else; the session's CSRF rule still applies to them (the header or Sec-Fetch-Site: same-origin).
  await app.register(async (files) => {
    files.removeContentTypeParser(['application/json', 'text/plain', 'application/x-www-form-urlencoded']);
    await files.register(uploadApi, { db, actions, storage });
  });
}
