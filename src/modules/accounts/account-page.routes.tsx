import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { requireUser } from '../../platform/auth/current-user.js';
import { AppError } from '../../platform/errors.js';
import { parseForm } from '../../platform/http/forms.js';
import { rememberLocale, seeOther } from '../../platform/http/locale.js';
import { pageContext } from '../../platform/http/page-context.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import type { AccountDeps } from './account.deps.js';
import { emailChangeInput, ownPasswordInput, profileInput } from './account.inputs.js';
import {
  changeOwnPassword,
  confirmEmailChange,
  emailChangeLink,
  requestEmailChange,
  updateProfile,
} from './actions/update-account.js';
import { deleteOtherSessions, listUserSessions } from './session.repo.js';
import { findUserById } from './user.repo.js';
import { type AccountForms, AccountPage, ConfirmEmailPage } from './views/account-page.js';
import { LinkInvalidPage } from './views/password-pages.js';

const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');
const notices = {
  profile: 'acct.noticeProfile',
  password: 'acct.noticePassword',
  email: 'acct.noticeEmailSent',
  emailChanged: 'acct.noticeEmailChanged',
  sessions: 'acct.noticeSessions',
} as const satisfies Record<string, MessageKey>;
const tokenOf = (source: unknown) => {
  const v = (source as { token?: unknown } | undefined)?.token;
  return typeof v === 'string' ? v.slice(0, 100) : '';
};

/** `/account`: the logged-in user's own details, password, address and sessions. */
export function accountPageRoutes(app: FastifyInstance, { db, config, now }: AccountDeps) {
  async function page(req: FastifyRequest, reply: FastifyReply, status = 200, forms?: AccountForms) {
    const me = requireUser(req.user);
    const [user, sessions] = await Promise.all([findUserById(db, me.id), listUserSessions(db, me.id, req.sessionId)]);
    if (!user) throw new AppError('UNAUTHENTICATED');
    const done = (req.query as { done?: string }).done;
    const notice = done && done in notices ? req.i18n.t(notices[done as keyof typeof notices]) : undefined;
    return html(reply, status).send(
      <AccountPage ctx={pageContext(req)} a={{ ...user, sessions }} forms={forms} notice={notice} />,
    );
  }
  const asker = (req: FastifyRequest) => ({
    userId: requireUser(req.user).id,
    sessionId: req.sessionId ?? '',
    ip: req.ip,
    limit: config.authRateLimit,
  });

  /** A section's form: parse, act, then back to the page (or the page with that form's errors). */
  const section = <S extends z.ZodType>(
    path: string,
    name: keyof AccountForms,
    schema: S,
    run: (req: FastifyRequest, data: z.output<S>, reply: FastifyReply) => Promise<unknown>,
  ) =>
    app.post(path, async (req, reply) => {
      requireUser(req.user);
      const form = parseForm(schema, req.body);
      try {
        if (!form.ok) throw new AppError('VALIDATION', { fields: form.errors });
        await run(req, form.data, reply);
      } catch (err) {
        if (!(err instanceof AppError && err.fields)) throw err;
        const values = form.ok ? {} : form.values;
        return page(req, reply, 422, { [name]: { errors: err.fields as never, values } });
      }
      return seeOther(req, reply, `/account?done=${name}`);
    });

  app.get('/account', async (req, reply) => page(req, reply));
  section('/account/profile', 'profile', profileInput, async (req, data, reply) => {
    await updateProfile(db, asker(req).userId, data);
    rememberLocale(reply, data.locale, config.publicUrl.startsWith('https://'));
  });
  section('/account/password', 'password', ownPasswordInput, (req, data) =>
    changeOwnPassword(db, asker(req), data, now()),
  );
  section('/account/email', 'email', emailChangeInput, (req, data) =>
    requestEmailChange(db, asker(req), data, config.publicUrl, now()),
  );

  app.post('/account/sessions/others', async (req, reply) => {
    const me = requireUser(req.user);
    if (req.sessionId) await deleteOtherSessions(db, me.id, req.sessionId);
    return seeOther(req, reply, '/account?done=sessions');
  });

  const invalid = (req: FastifyRequest, reply: FastifyReply) => {
    const ctx = pageContext(req);
    return html(reply, 410).send(
      <LinkInvalidPage ctx={ctx} again="/account" againLabel={ctx.t('acct.accountTitle')} />,
    );
  };
  // The link works in any browser (the new mailbox may be read elsewhere): the token is the proof.
  app.get('/account/email/confirm', async (req, reply) => {
    const token = tokenOf(req.query);
    const link = await emailChangeLink(db, token, now());
    if (!link) return invalid(req, reply);
    return html(reply).send(<ConfirmEmailPage ctx={pageContext(req)} token={token} email={link.email} />);
  });
  app.post('/account/email/confirm', async (req, reply) => {
    try {
      await confirmEmailChange(db, tokenOf(req.body), now());
    } catch (err) {
      if (err instanceof AppError && err.fields) return invalid(req, reply);
      throw err;
    }
    return seeOther(req, reply, req.user ? '/account?done=emailChanged' : '/login');
  });
}
