import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../platform/auth/current-user.js';
import type { Db } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { parseForm } from '../../platform/http/forms.js';
import { pageContext } from '../../platform/http/page-context.js';
import type { FormState } from '../../platform/views/form.js';
import { createEndpoint } from './actions/create-endpoint.js';
import { redeliver } from './actions/redeliver.js';
import { setEndpointEnabled } from './actions/set-endpoint-enabled.js';
import { EndpointPage } from './views/endpoint-page.js';
import { WebhooksPage } from './views/webhooks-page.js';
import { createEndpointInput } from './webhook.inputs.js';
import { findEndpoint, listEndpoints, recentAttempts, recentDeliveries } from './webhook.repo.js';

const idOf = (raw: string) => {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw notFound();
  return id;
};

/** `/admin/webhooks`: admins register endpoints, turn them on and off, read the delivery log and redeliver. */
export async function webhookRoutes(app: FastifyInstance, { db, allowPrivate }: { db: Db; allowPrivate: boolean }) {
  const input = createEndpointInput(allowPrivate);
  async function page(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { status?: number; form?: FormState; created?: { url: string; secret: string } } = {},
  ) {
    // The one time the secret is shown: never cached, never in a URL.
    if (extra.created) reply.header('cache-control', 'no-store');
    return reply
      .code(extra.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(<WebhooksPage ctx={pageContext(req)} endpoints={await listEndpoints(db)} {...extra} />);
  }

  app.get('/admin/webhooks', async (req, reply) => {
    requireRole(req.user, 'admin');
    return page(req, reply);
  });

  app.post('/admin/webhooks', async (req, reply) => {
    const admin = requireRole(req.user, 'admin');
    const form = parseForm(input, req.body);
    if (!form.ok) return page(req, reply, { status: 422, form });
    const created = await createEndpoint(db, admin, form.data, allowPrivate);
    return page(req, reply, { status: 201, created });
  });

  app.get<{ Params: { id: string } }>('/admin/webhooks/:id', async (req, reply) => {
    requireRole(req.user, 'admin');
    const id = idOf(req.params.id);
    const found = await findEndpoint(db, id);
    if (!found) throw notFound();
    const { secret: _secret, ...endpoint } = found;
    const [deliveries, attempts] = await Promise.all([recentDeliveries(db, id), recentAttempts(db, id)]);
    return reply
      .type('text/html; charset=utf-8')
      .send(<EndpointPage ctx={pageContext(req)} endpoint={endpoint} deliveries={deliveries} attempts={attempts} />);
  });

  for (const [verb, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const)
    app.post<{ Params: { id: string } }>(`/admin/webhooks/:id/${verb}`, async (req, reply) => {
      const admin = requireRole(req.user, 'admin');
      const id = idOf(req.params.id);
      await setEndpointEnabled(db, admin, id, enabled);
      return reply.code(303).redirect(`/admin/webhooks/${id}`);
    });

  app.post<{ Params: { id: string; delivery: string } }>(
    '/admin/webhooks/:id/deliveries/:delivery/redeliver',
    async (req, reply) => {
      const admin = requireRole(req.user, 'admin');
      const id = idOf(req.params.id);
      await redeliver(db, admin, id, idOf(req.params.delivery));
      return reply.code(303).redirect(`/admin/webhooks/${id}`);
    },
  );
}
