import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { parseForm } from '../../platform/http/forms.js';
import { pageContext } from '../../platform/http/page-context.js';
import { formState } from '../../platform/views/form.js';
import type { AccountDeps } from './account.deps.js';
import { forgotInput, resetInput } from './account.inputs.js';
import { LINK_HOURS } from './account-link.repo.js';
import { requestPasswordReset, resetLinkUser, resetPassword } from './actions/reset-password.js';
import { attemptKeys, countAttempts } from './attempt-counter.repo.js';
import {
  ForgotPasswordPage,
  ForgotSentPage,
  LinkInvalidPage,
  PasswordChangedPage,
  ResetPasswordPage,
} from './views/password-pages.js';

const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');
const tokenOf = (source: unknown) => {
  const v = (source as { token?: unknown } | undefined)?.token;
  return typeof v === 'string' ? v.slice(0, 100) : '';
};

/** Forgot password: request a link, follow it, set a new password. */
export function passwordRoutes(app: FastifyInstance, { db, config, now }: AccountDeps) {
  // Every request sends mail, so each one counts (per client address and per address asked for).
  const resetLimit = async (req: FastifyRequest) => {
    const email = (req.body as { email?: unknown })?.email;
    const keys = attemptKeys('reset', req.ip, typeof email === 'string' ? email : '');
    if ((await countAttempts(db, keys)) > config.authRateLimit) throw new AppError('RATE_LIMITED');
  };
  const invalid = (req: FastifyRequest, reply: FastifyReply) => {
    const ctx = pageContext(req);
    return html(reply, 410).send(
      <LinkInvalidPage ctx={ctx} again="/password/forgot" againLabel={ctx.t('acct.forgotAgain')} />,
    );
  };

  app.get('/password/forgot', async (req, reply) => html(reply).send(<ForgotPasswordPage ctx={pageContext(req)} />));

  app.post('/password/forgot', { preHandler: resetLimit }, async (req, reply) => {
    const form = parseForm(forgotInput, req.body);
    if (!form.ok) return html(reply, 422).send(<ForgotPasswordPage ctx={pageContext(req)} form={formState(form)} />);
    await requestPasswordReset(db, { email: form.data.email, locale: req.i18n.locale }, config.publicUrl, now());
    return html(reply).send(<ForgotSentPage ctx={pageContext(req)} hours={LINK_HOURS.password_reset} />);
  });

  // Opening the link changes nothing (mail scanners prefetch links): the form posts the token back.
  app.get('/password/reset', async (req, reply) => {
    const token = tokenOf(req.query);
    if (!(await resetLinkUser(db, token, now()))) return invalid(req, reply);
    return html(reply).send(<ResetPasswordPage ctx={pageContext(req)} token={token} />);
  });

  app.post('/password/reset', async (req, reply) => {
    const token = tokenOf(req.body);
    const form = parseForm(resetInput, req.body);
    try {
      if (!form.ok) throw new AppError('VALIDATION', { fields: form.errors });
      await resetPassword(db, form.data, now());
    } catch (err) {
      if (!(err instanceof AppError && err.fields)) throw err;
      if (err.fields._form === 'auth.linkInvalid') return invalid(req, reply);
      const state = formState({ ok: false, errors: err.fields as never, values: {} });
      return html(reply, 422).send(<ResetPasswordPage ctx={pageContext(req)} token={token} form={state} />);
    }
    return html(reply).send(<PasswordChangedPage ctx={pageContext(req)} />);
  });
}
