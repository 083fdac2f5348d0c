import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { type FormResult, formValues, parseForm } from '../../platform/http/forms.js';
import { safeBackPath, seeOther } from '../../platform/http/locale.js';
import { pageContext } from '../../platform/http/page-context.js';
import { formState } from '../../platform/views/form.js';
import type { AccountDeps } from './account.deps.js';
import { loginInput, registerInput } from './account.inputs.js';
import { accountPageRoutes } from './account-page.routes.js';
import { completeRegistration } from './actions/complete-registration.js';
import { logIn } from './actions/log-in.js';
import { requestRegistration } from './actions/request-registration.js';
import { startEnrolment } from './actions/two-factor.js';
import { attemptKeys, countAttempts } from './attempt-counter.repo.js';
import { inviteRoutes } from './invite.routes.js';
import { passwordRoutes } from './password.routes.js';
import { REGISTRATION_LINK_HOURS } from './registration-link.repo.js';
import { sessionCookie } from './session.plugin.js';
import { deleteSession } from './session.repo.js';
import { challengeCookie, twoFactorRoutes } from './two-factor.routes.js';
import { userAdminRoutes } from './users.routes.js';
import {
  ConfirmRegistrationPage,
  type Continuation,
  LoginPage,
  RegisterPage,
  RegisterSentPage,
} from './views/auth-pages.js';

const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');

function continuation(source: unknown): Continuation {
  const q = (source ?? {}) as Record<string, string | undefined>;
  const n = (v: string | undefined, digits: number) =>
    v && new RegExp(`^\\d{1,${digits}}$`).test(v) ? Number(v) : undefined;
  return {
    next: q.next ? safeBackPath(q.next) : undefined,
    addProduct: n(q.addProduct, 9),
    // Kept as asked (up to a safe integer), so an oversized quantity is refused with the cart's message, not cut to 1.
    addQuantity: n(q.addQuantity, 15),
  };
}

/**
 * What a visitor asked for before logging in or registering ("add to cart"), carried out
 * once they are in; the cart module provides it. Answers a reply when it took over.
 */
export type PendingItem = (
  req: FastifyRequest,
  reply: FastifyReply,
  user: CurrentUser,
  item: { productId: number; quantity: number },
) => Promise<FastifyReply | undefined>;

export async function accountRoutes(
  app: FastifyInstance,
  opts: { db: Db; config: Config; now?: () => Date; pendingItem: PendingItem },
) {
  const { db } = opts;
  const deps: AccountDeps = { db, config: opts.config, now: opts.now ?? (() => new Date()) };
  const cookie = sessionCookie(opts.config.publicUrl.startsWith('https://'));
  const challenge = challengeCookie(opts.config.publicUrl.startsWith('https://'));
  passwordRoutes(app, deps);
  userAdminRoutes(app, deps);
  accountPageRoutes(app, deps);
  twoFactorRoutes(app, deps, cookie);
  // An accepted invitation goes straight to two-factor enrolment: no session before it.
  inviteRoutes(app, deps, async (req, reply, user) => {
    challenge.set(reply, await startEnrolment(db, user.id, deps.now()));
    return seeOther(req, reply, '/login/two-factor/setup');
  });
  const limit = opts.config.authRateLimit;
  // Every registration attempt sends mail, so each one counts (per client address and per e-mail).
  const registrationLimit = async (req: FastifyRequest) => {
    const email = (req.body as { email?: unknown })?.email;
    const keys = attemptKeys('register', req.ip, typeof email === 'string' ? email : '');
    if ((await countAttempts(db, keys)) > limit) throw new AppError('RATE_LIMITED');
  };

  /** After login/registration: carry out the pending item, if any, then go on. */
  async function finish(req: FastifyRequest, reply: FastifyReply, user: CurrentUser, c: Continuation) {
    const item = c.addProduct && { productId: c.addProduct, quantity: c.addQuantity ?? 1 };
    return (item && (await opts.pendingItem(req, reply, user, item))) || seeOther(req, reply, c.next ?? '/');
  }

  function refuse<T>(err: unknown, values: Record<string, string>): FormResult<T> {
    if (err instanceof AppError && err.fields) return { ok: false, errors: err.fields as never, values };
    throw err;
  }

  app.get('/login', async (req, reply) =>
    html(reply).send(<LoginPage ctx={pageContext(req)} c={continuation(req.query)} />),
  );
  app.get('/register', async (req, reply) =>
    html(reply).send(<RegisterPage ctx={pageContext(req)} c={continuation(req.query)} />),
  );

  // The same answer whether or not the address has an account (no enumeration): the link in the mail finishes it.
  app.post('/register', { preHandler: registrationLimit }, async (req, reply) => {
    const c = continuation(req.body);
    const form = parseForm(registerInput, req.body);
    if (!form.ok) return html(reply, 422).send(<RegisterPage ctx={pageContext(req)} form={formState(form)} c={c} />);
    await requestRegistration(db, { ...form.data, ...c, locale: req.i18n.locale }, opts.config.publicUrl);
    return html(reply).send(<RegisterSentPage ctx={pageContext(req)} hours={REGISTRATION_LINK_HOURS} />);
  });

  app.get('/register/confirm', async (req, reply) => {
    const token = String((req.query as { token?: unknown }).token ?? '');
    return html(reply).send(<ConfirmRegistrationPage ctx={pageContext(req)} token={token} />);
  });

  app.post('/register/confirm', async (req, reply) => {
    const token = String((req.body as { token?: unknown })?.token ?? '');
    try {
      const done = await completeRegistration(db, { token, previousSessionId: req.sessionId });
      cookie.set(reply, done.sessionId);
      return finish(req, reply, done.user, continuation(done.continuation));
    } catch (err) {
      const form = formState(refuse(err, {}));
      return html(reply, 422).send(<ConfirmRegistrationPage ctx={pageContext(req)} token={token} form={form} />);
    }
  });

  app.post('/login', async (req, reply) => {
    const c = continuation(req.body);
    let form = parseForm(loginInput, req.body);
    if (form.ok) {
      try {
        const done = await logIn(
          db,
          {
            ...form.data,
            next: c.next,
            ip: req.ip,
            limit,
            previousSessionId: req.sessionId,
            userAgent: req.headers['user-agent'],
          },
          deps.now(),
        );
        if (done.kind === 'secondFactor') {
          cookie.clear(reply);
          challenge.set(reply, done.challenge);
          return seeOther(req, reply, done.enrol ? '/login/two-factor/setup' : '/login/two-factor');
        }
        cookie.set(reply, done.sessionId);
        return finish(req, reply, done.user, c);
      } catch (err) {
        form = refuse(err, formValues(req.body));
      }
    }
    return html(reply, 422).send(<LoginPage ctx={pageContext(req)} form={formState(form)} c={c} />);
  });

  app.post('/logout', async (req, reply) => {
    if (req.sessionId) await deleteSession(db, req.sessionId);
    cookie.clear(reply);
    return seeOther(req, reply, '/');
  });
}
