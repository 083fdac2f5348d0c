import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../platform/auth/current-user.js';
import type { Db } from '../../platform/db/client.js';
import type { ActionContext } from '../../platform/effects.js';
import { notFound } from '../../platform/errors.js';
import { parseForm } from '../../platform/http/forms.js';
import { pageContext } from '../../platform/http/page-context.js';
import type { FormState } from '../../platform/views/form.js';
import { createApiToken } from './actions/create-api-token.js';
import { revokeApiToken } from './actions/revoke-api-token.js';
import { createTokenInput } from './api.inputs.js';
import { listApiTokens } from './token.repo.js';
import { ApiTokensPage } from './views/api-tokens-page.js';

/** `/admin/api-tokens`: admins list, make and revoke the staff API tokens. */
export async function apiTokenRoutes(app: FastifyInstance, { db, actions }: { db: Db; actions: ActionContext }) {
  async function page(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { status?: number; form?: FormState; created?: { name: string; token: string } } = {},
  ) {
    const tokens = await listApiTokens(db);
    // The one time the token is shown: never cached, never in a URL.
    if (extra.created) reply.header('cache-control', 'no-store');
    return reply
      .code(extra.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(<ApiTokensPage ctx={pageContext(req)} tokens={tokens} form={extra.form} created={extra.created} />);
  }

  app.get('/admin/api-tokens', async (req, reply) => {
    requireRole(req.user, 'admin');
    return page(req, reply);
  });

  app.post('/admin/api-tokens', async (req, reply) => {
    const admin = requireRole(req.user, 'admin');
    const form = parseForm(createTokenInput, req.body);
    if (!form.ok) return page(req, reply, { status: 422, form });
    const created = await createApiToken(actions, admin, form.data);
    return page(req, reply, { status: 201, created });
  });

  app.post<{ Params: { id: string } }>('/admin/api-tokens/:id/revoke', async (req, reply) => {
    const admin = requireRole(req.user, 'admin');
    const id = Number(req.params.id);
    if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw notFound();
    await revokeApiToken(actions, admin, id);
    return reply.code(303).redirect('/admin/api-tokens');
  });
}
