import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { safeBackPath, seeOther } from '../../platform/http/locale.js';
import { pageContext } from '../../platform/http/page-context.js';
import { qrDataUrl } from '../../platform/qr.js';
import type { FormState } from '../../platform/views/form.js';
import type { AccountDeps } from './account.deps.js';
import { challengeFor, enrolSecondFactor, verifySecondFactor } from './actions/two-factor.js';
import { CHALLENGE_MINUTES } from './login-challenge.repo.js';
import type { SessionCookie } from './session.plugin.js';
import { groupedSecret, totpUri } from './totp.js';
import { LoginPage } from './views/auth-pages.js';
import { EnrolPage, RecoveryCodesPage, TwoFactorPage } from './views/two-factor-pages.js';

const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');

/** The cookie of a half-done staff login (password right, second factor owed); not a session. */
export function challengeCookie(secure: boolean) {
  const name = secure ? '__Host-hc_2fa' : 'hc_2fa';
  const options = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
  return {
    name,
    set: (reply: FastifyReply, token: string) =>
      void reply.setCookie(name, token, { ...options, maxAge: CHALLENGE_MINUTES * 60 }),
    clear: (reply: FastifyReply) => void reply.clearCookie(name, options),
  };
}

/** Staff land on the back office unless the login asked to go somewhere (item 7 of #14). */
const landing = (next: string | null) => safeBackPath(next ?? undefined, '/admin');

export function twoFactorRoutes(app: FastifyInstance, deps: AccountDeps, session: SessionCookie) {
  const { db, config, now } = deps;
  const cookie = challengeCookie(config.publicUrl.startsWith('https://'));
  const attempt = (req: FastifyRequest) => ({
    challenge: req.cookies[cookie.name] ?? '',
    code: String((req.body as { code?: unknown })?.code ?? '').slice(0, 40),
    ip: req.ip,
    limit: config.authRateLimit,
    userAgent: req.headers['user-agent'],
  });

  /** An expired or missing challenge: the login page, saying why. */
  function refuse(req: FastifyRequest, reply: FastifyReply, err: unknown, page: (f: FormState) => unknown) {
    if (!(err instanceof AppError && err.fields)) throw err;
    const form: FormState = { errors: err.fields as never };
    if (err.fields._form === 'acct.challengeExpired') {
      cookie.clear(reply);
      return html(reply, 422).send(<LoginPage ctx={pageContext(req)} form={form} c={{}} />);
    }
    return html(reply, 422).send(page(form));
  }

  async function enrolPage(req: FastifyRequest, reply: FastifyReply, form?: FormState) {
    const { challenge, user } = await challengeFor(db, req.cookies[cookie.name] ?? '', now());
    if (!challenge.pendingSecret) return seeOther(req, reply, '/login/two-factor');
    const qr = await qrDataUrl(totpUri(challenge.pendingSecret, user.email));
    return html(reply, form ? 422 : 200).send(
      <EnrolPage ctx={pageContext(req)} qr={qr} secret={groupedSecret(challenge.pendingSecret)} form={form} />,
    );
  }

  app.get('/login/two-factor', async (req, reply) => {
    try {
      const { challenge } = await challengeFor(db, req.cookies[cookie.name] ?? '', now());
      if (challenge.pendingSecret) return seeOther(req, reply, '/login/two-factor/setup');
      return html(reply).send(<TwoFactorPage ctx={pageContext(req)} />);
    } catch (err) {
      return refuse(req, reply, err, () => '');
    }
  });

  app.post('/login/two-factor', async (req, reply) => {
    try {
      const done = await verifySecondFactor(db, attempt(req), now());
      cookie.clear(reply);
      session.set(reply, done.sessionId);
      return seeOther(req, reply, landing(done.next));
    } catch (err) {
      return refuse(req, reply, err, (form) => <TwoFactorPage ctx={pageContext(req)} form={form} />);
    }
  });

  app.get('/login/two-factor/setup', async (req, reply) => {
    try {
      return await enrolPage(req, reply);
    } catch (err) {
      return refuse(req, reply, err, () => '');
    }
  });

  app.post('/login/two-factor/setup', async (req, reply) => {
    try {
      const done = await enrolSecondFactor(db, attempt(req), now());
      cookie.clear(reply);
      session.set(reply, done.sessionId);
      req.user = done.user;
      req.sessionId = done.sessionId;
      // The page with the codes is the response itself: they are never stored to be shown again.
      return html(reply)
        .header('cache-control', 'no-store')
        .send(<RecoveryCodesPage ctx={pageContext(req)} codes={done.codes} next={landing(done.next)} />);
    } catch (err) {
      if (err instanceof AppError && err.fields?.code) return enrolPage(req, reply, { errors: err.fields as never });
      return refuse(req, reply, err, () => '');
    }
  });
}
