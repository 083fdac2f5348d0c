import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../platform/auth/current-user.js';
import { AppError, notFound } from '../../platform/errors.js';
import { parseForm } from '../../platform/http/forms.js';
import { pageContext } from '../../platform/http/page-context.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import { type FormState, formState } from '../../platform/views/form.js';
import type { AccountDeps } from './account.deps.js';
import { activeInput, inviteInput, roleInput, usersQuery } from './account.inputs.js';
import { pendingInvitations } from './account-link.repo.js';
import { resetSecondFactor, sendResetLink } from './actions/admin-user-actions.js';
import { changeUserRole, setUserActive } from './actions/change-user-access.js';
import { inviteStaff } from './actions/invite-staff.js';
import { latestUserChanges, userChangesOf } from './user-change.repo.js';
import { findUserDetail, listUsers } from './user-list.repo.js';
import { UserDetailPage } from './views/user-detail-page.js';
import { UsersPage } from './views/users-page.js';

const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');
const notices = {
  invited: 'acct.noticeInvited',
  role: 'acct.noticeRole',
  active: 'acct.noticeActive',
  reset: 'acct.noticeResetSent',
  twoFactor: 'acct.noticeTwoFactorReset',
} as const satisfies Record<string, MessageKey>;
const noticeOf = (req: FastifyRequest) => {
  const done = (req.query as { done?: string }).done;
  return done && done in notices ? req.i18n.t(notices[done as keyof typeof notices]) : undefined;
};
const userId = (req: FastifyRequest) => {
  const id = Number((req.params as { id: string }).id);
  if (!Number.isSafeInteger(id) || id < 1 || id > 2 ** 31 - 1) throw notFound();
  return id;
};

/** `/admin/users`: admins only (other staff and customers get 403, visitors log in). */
export function userAdminRoutes(app: FastifyInstance, { db, config, now }: AccountDeps) {
  async function listPage(req: FastifyRequest, reply: FastifyReply, status = 200, inviteForm?: FormState) {
    const query = usersQuery.parse(req.query ?? {});
    const [list, invitations, changes] = await Promise.all([
      listUsers(db, query),
      pendingInvitations(db, now()),
      latestUserChanges(db),
    ]);
    return html(reply, status).send(
      <UsersPage
        ctx={pageContext(req)}
        q={query.q}
        page={query.page}
        users={list.rows}
        more={list.more}
        invitations={invitations}
        changes={changes}
        notice={noticeOf(req)}
        inviteForm={inviteForm}
      />,
    );
  }

  async function detailPage(req: FastifyRequest, reply: FastifyReply, id: number, status = 200, form?: FormState) {
    const u = await findUserDetail(db, id);
    if (!u) throw notFound();
    const changes = await userChangesOf(db, id);
    return html(reply, status).send(
      <UserDetailPage ctx={pageContext(req)} u={u} changes={changes} notice={noticeOf(req)} form={form} />,
    );
  }

  app.get('/admin/users', async (req, reply) => {
    requireRole(req.user, 'admin');
    return listPage(req, reply);
  });

  app.post('/admin/users/invite', async (req, reply) => {
    const admin = requireRole(req.user, 'admin');
    const form = parseForm(inviteInput, req.body);
    if (!form.ok) return listPage(req, reply, 422, formState(form));
    try {
      await inviteStaff(db, form.data, admin.id, config.publicUrl, now());
    } catch (err) {
      if (!(err instanceof AppError && err.fields)) throw err;
      return listPage(req, reply, 422, { errors: err.fields as never, values: form.data });
    }
    return reply.code(303).redirect('/admin/users?done=invited');
  });

  app.get('/admin/users/:id', async (req, reply) => {
    requireRole(req.user, 'admin');
    return detailPage(req, reply, userId(req));
  });

  /** Each change: the action, then back to the user's page with what happened (or why not). */
  const change = (
    path: string,
    done: keyof typeof notices,
    run: (id: number, actor: number, body: unknown) => Promise<void>,
  ) =>
    app.post(`/admin/users/:id/${path}`, async (req, reply) => {
      const admin = requireRole(req.user, 'admin');
      const id = userId(req);
      try {
        await run(id, admin.id, req.body);
      } catch (err) {
        if (!(err instanceof AppError && err.fields)) throw err;
        return detailPage(req, reply, id, err.status, { errors: err.fields as never });
      }
      return reply.code(303).redirect(`/admin/users/${id}?done=${done}`);
    });

  const parsed = <T,>(form: { ok: true; data: T } | { ok: false }) => {
    if (!form.ok) throw new AppError('BAD_REQUEST');
    return form.data;
  };
  change('role', 'role', (id, actor, body) => changeUserRole(db, id, parsed(parseForm(roleInput, body)).role, actor));
  change('active', 'active', (id, actor, body) =>
    setUserActive(db, id, parsed(parseForm(activeInput, body)).active, actor),
  );
  change('reset-password', 'reset', (id, actor) => sendResetLink(db, id, actor, config.publicUrl, now()));
  change('reset-two-factor', 'twoFactor', (id, actor) => resetSecondFactor(db, id, actor));
}
