import type { FastifyInstance } from 'fastify';
import { listPendingChanges, PendingChangesBanner, seesPaymentChanges } from '../../modules/payment-methods/index.js';
import { requireRole, requireStaff } from '../../platform/auth/current-user.js';
import type { Db } from '../../platform/db/client.js';
import { pageContext } from '../../platform/http/page-context.js';
import { latestOutbox } from '../../platform/mail/index.js';
import { attentionFor } from './attention.data.js';
import { DashboardPage } from './dashboard-page.js';
import { OutboxPage } from './outbox-page.js';

export async function backOfficeRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get('/admin', async (req, reply) => {
    const user = requireStaff(req.user);
    const ctx = pageContext(req, reply);
    const [pendingChanges, tiles] = await Promise.all([
      seesPaymentChanges(user.role) ? listPendingChanges(db) : [],
      attentionFor(db, user.role),
    ]);
    return reply
      .type('text/html; charset=utf-8')
      .send(
        <DashboardPage
          ctx={ctx}
          user={user}
          tiles={tiles}
          banner={<PendingChangesBanner ctx={ctx} changes={pendingChanges} />}
        />,
      );
  });

  app.get('/admin/outbox', async (req, reply) => {
    requireRole(req.user, 'admin');
    const messages = await latestOutbox(db);
    return reply
      .type('text/html; charset=utf-8')
      .send(<OutboxPage ctx={pageContext(req, reply)} messages={messages} />);
  });
}
