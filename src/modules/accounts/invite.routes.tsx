import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { parseForm } from '../../platform/http/forms.js';
import { pageContext } from '../../platform/http/page-context.js';
import type { FormState } from '../../platform/views/form.js';
import type { AccountDeps } from './account.deps.js';
import { acceptInput } from './account.inputs.js';
import { acceptInvitation, invitationFor } from './actions/invite-staff.js';
import { AcceptInvitationPage } from './views/invite-pages.js';
import { LinkInvalidPage } from './views/password-pages.js';

const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');
const tokenOf = (source: unknown) => {
  const v = (source as { token?: unknown } | undefined)?.token;
  return typeof v === 'string' ? v.slice(0, 100) : '';
};

/** The invitee's side: open the link, choose a name and password, then enrol two-factor. */
export function inviteRoutes(
  app: FastifyInstance,
  { db, now }: AccountDeps,
  afterAccept: (req: FastifyRequest, reply: FastifyReply, user: { id: number }) => Promise<unknown>,
) {
  async function page(req: FastifyRequest, reply: FastifyReply, token: string, status = 200, form?: FormState) {
    const ctx = pageContext(req);
    const invitation = await invitationFor(db, token, now());
    if (!invitation?.role) {
      return html(reply, 410).send(
        <LinkInvalidPage ctx={ctx} again="/login" againLabel={ctx.t('acct.askNewInvite')} />,
      );
    }
    const shown = { ...invitation, role: ctx.t(`role.${invitation.role}`) };
    return html(reply, status).send(<AcceptInvitationPage ctx={ctx} token={token} invitation={shown} form={form} />);
  }

  app.get('/invite', async (req, reply) => page(req, reply, tokenOf(req.query)));

  app.post('/invite', async (req, reply) => {
    const token = tokenOf(req.body);
    const form = parseForm(acceptInput, req.body);
    if (!form.ok) return page(req, reply, token, 422, { errors: form.errors, values: form.values });
    try {
      const user = await acceptInvitation(db, form.data, now());
      return afterAccept(req, reply, user);
    } catch (err) {
      if (!(err instanceof AppError && err.fields)) throw err;
      return page(req, reply, token, 422, { errors: err.fields as never, values: { fullName: form.data.fullName } });
    }
  });
}
