import type { FastifyInstance } from 'fastify';
import { requireStaff } from '../../platform/auth/current-user.js';
import { pageContext } from '../../platform/http/page-context.js';
import { AdminShell } from '../../platform/views/admin-shell.js';

export async function adminRoutes(app: FastifyInstance) {
  app.get('/admin', async (req, reply) => {
    const user = requireStaff(req.user);
    const ctx = pageContext(req, reply);
    return reply.type('text/html; charset=utf-8').send(
      <AdminShell ctx={ctx} title={ctx.t('admin.dashboard')}>
        <h1>{ctx.t('admin.dashboard')}</h1>
        <p>{ctx.t('admin.welcome', { name: user.fullName, role: ctx.t(`role.${user.role}`) })}</p>
      </AdminShell>,
    );
  });
}
