import type { FastifyInstance } from 'fastify';
import { requireRole, requireStaff } from '../../platform/auth/current-user.js';
import type { Db } from '../../platform/db/client.js';
import { pageContext } from '../../platform/http/page-context.js';
import { latestOutbox } from '../../platform/mail/index.js';
import { listPendingChanges, PendingChangesBanner, seesPaymentChanges } from '../payments/index.js';
import { AdminShell } from '../../platform/views/admin-shell.js';
import { OutboxPage } from './views/outbox-page.js';

export async function adminRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get('/admin', async (req, reply) => {
    const user = requireStaff(req.user);
    const ctx = pageContext(req, reply);
    const pendingChanges = seesPaymentChanges(user.role) ? await listPendingChanges(db) : [];
    return reply.type('text/html; charset=utf-8').send(
      <AdminShell ctx={ctx} title={ctx.t('admin.dashboard')}>
        <h1>{ctx.t('admin.dashboard')}</h1>
        <PendingChangesBanner ctx={ctx} changes={pendingChanges} />
        <p>{ctx.t('admin.welcome', { name: user.fullName, role: ctx.t(`role.${user.role}`) })}</p>
      </AdminShell>,
    );
  });

  app.get('/admin/outbox', async (req, reply) => {
    requireRole(req.user, 'admin');
    const messages = await latestOutbox(db);
    return reply.type('text/html; charset=utf-8').send(<OutboxPage ctx={pageContext(req, reply)} messages={messages} />);
  });
}
