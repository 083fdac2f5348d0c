import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { TOTP } from 'otpauth';
import { registerUser, setSecondFactorSecret } from '../src/modules/accounts/index.js';
import type { Role } from '../src/platform/auth/roles.js';
import type { Db } from '../src/platform/db/client.js';
import { outboxMessages } from '../src/platform/db/schema.js';

/**
 * Talks to the app through inject() the way a browser would: keeps cookies, and
 * sends the CSRF token it last saw in a page with every form post.
 */
let clients = 0;

export class BrowserClient {
  private cookies = new Map<string, string>();
  csrf = '';

  /** Each client looks like its own machine, as real browsers would (per-IP limits apply per client). */
  readonly ip: string;

  constructor(
    private app: FastifyInstance,
    ip?: string,
  ) {
    clients++;
    this.ip = ip ?? `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`;
  }

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const m =
      /name="_csrf" value="([^"]+)"/.exec(res.body) ??
      /"x-csrf-token":"([^"]+)"/.exec(res.body.replaceAll('&#34;', '"'));
    if (m?.[1]) this.csrf = m[1];
    return res;
  }

  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  hasCookie(name: string) {
    return this.cookies.has(name);
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(
      await this.app.inject({
        method: 'GET',
        url,
        remoteAddress: this.ip,
        headers: { cookie: this.cookieHeader, ...headers },
      }),
    );
  }

  /** Posts a urlencoded form with the current CSRF token (unless the test overrides _csrf). */
  async post(url: string, form: Record<string, string | number> = {}, headers: Record<string, string> = {}) {
    if (!this.csrf) await this.get('/login');
    const body = new URLSearchParams({
      _csrf: this.csrf,
      ...Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)])),
    });
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        remoteAddress: this.ip,
        payload: body.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader, ...headers },
      }),
    );
  }

  /** Logs in through the form; staff also give the code of the secret `rememberTotpSecret` was told. */
  async login(email: string, password: string) {
    const res = await this.post('/login', { email, password });
    if (res.statusCode !== 303) throw new Error(`login failed: ${res.statusCode}`);
    if (res.headers.location === '/login/two-factor') {
      await this.get('/login/two-factor');
      const done = await this.post('/login/two-factor', { code: nextTotpCode(email) });
      if (done.statusCode !== 303) throw new Error(`second factor refused: ${done.statusCode}`);
    }
    await this.get('/');
    return res;
  }
}

let counter = 0;
export const TEST_PASSWORD = 'correct horse battery staple';
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const totpSecrets = new Map<string, string>();
const lastSteps = new Map<string, number>();
/** Tells `login` the second-factor secret of an account, as its owner's phone knows it. */
export const rememberTotpSecret = (email: string, secret: string) => totpSecrets.set(email.toLowerCase(), secret);

/**
 * A code the shop has not seen for this account: the current step's, or the next one's when
 * the current was already spent (the shop accepts one step ahead, and each step only once).
 */
export function nextTotpCode(email: string, at = Date.now()): string {
  const secret = totpSecrets.get(email.toLowerCase());
  if (!secret) throw new Error(`no two-factor secret known for ${email}`);
  const now = Math.floor(at / 30_000);
  const step = Math.max(now, (lastSteps.get(email.toLowerCase()) ?? 0) + 1);
  if (step > now + 1) throw new Error(`both usable codes of ${email} are spent: move the clock on`);
  lastSteps.set(email.toLowerCase(), step);
  return new TOTP({ secret, digits: 6, period: 30 }).generate({ timestamp: step * 30_000 });
}

/** Creates a user (directly, not through the rate-limited form) and returns a logged-in client. */
export async function loggedInClient(app: FastifyInstance, db: Db, role: Role = 'customer') {
  const email = `${role}${++counter}.${process.pid}@example.test`;
  const user = await registerUser(db, { email, fullName: `Test ${role} ${counter}`, password: TEST_PASSWORD, role });
  if (role !== 'customer') {
    await setSecondFactorSecret(db, user.id, TEST_TOTP_SECRET);
    rememberTotpSecret(email, TEST_TOTP_SECRET);
  }
  const client = new BrowserClient(app);
  await client.login(email, TEST_PASSWORD);
  return { client, user, email };
}

/** The token of the newest registration link mailed to the address. */
export async function registrationToken(db: Db, email: string) {
  const [mail] = await db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.to, email.trim().toLowerCase()))
    .orderBy(desc(outboxMessages.id))
    .limit(1);
  const link = /\/register\/confirm\?token=([\w-]+)/.exec(mail?.body ?? '');
  if (!link) throw new Error('no registration link mailed');
  return link[1]!;
}

/**
 * Registers through the form and finishes from the e-mailed link, as a buyer does: the
 * registration page answers "check your inbox", the link's page has the button that logs in.
 */
export async function registerThroughForm(
  t: { app: FastifyInstance; db: Db },
  client: BrowserClient,
  form: Record<string, string | number>,
  headers: Record<string, string> = {},
) {
  await client.get('/register', headers);
  const sent = await client.post('/register', form, headers);
  if (sent.statusCode !== 200) throw new Error(`registration refused: ${sent.statusCode}`);
  const token = await registrationToken(t.db, String(form.email));
  await client.get(`/register/confirm?token=${token}`, headers);
  const done = await client.post('/register/confirm', { token }, headers);
  if (done.statusCode !== 303) throw new Error(`registration not finished: ${done.statusCode}`);
  await client.get(String(done.headers.location), headers); // as a browser follows the redirect (and gets the new session's token)
  return done;
}
