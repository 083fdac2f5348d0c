import http from 'node:http';
import { TOTP } from 'otpauth';

/**
 * The load generator shares the machine's cores with the app and the database, so it
 * must be cheap: plain `node:http` on keep-alive sockets costs several times less CPU per
 * request than `fetch` (which stays for multipart uploads, where it builds the body).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

interface Answer {
  status: number;
  body: string;
  setCookies: string[];
  location: string | null;
}

function request(url: string, method: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: text,
          setCookies: res.headers['set-cookie'] ?? [],
          location: res.headers.location ?? null,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A client that behaves like a browser towards the app: keeps its cookies, and posts
 * forms with the `_csrf` token from the last page it saw (as test/browser-client.ts
 * does through inject(), but over real HTTP).
 */
export class Browser {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(readonly base: string) {}

  /** The same session (cookies and CSRF token) sent to another address, e.g. nginx in front of the process it logged in on. */
  at(base: string): Browser {
    const b = new Browser(base);
    for (const [k, v] of this.cookies) b.cookies.set(k, v);
    b.csrf = this.csrf;
    return b;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(setCookies: string[], body: string) {
    for (const c of setCookies) {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(c) || !value) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(body);
    if (m?.[1]) this.csrf = m[1];
  }

  async get(path: string): Promise<{ status: number; body: string }> {
    const res = await request(this.base + path, 'GET', { cookie: this.cookieHeader });
    this.remember(res.setCookies, res.body);
    return { status: res.status, body: res.body };
  }

  async post(
    path: string,
    form: Record<string, string | number>,
  ): Promise<{ status: number; body: string; location: string | null }> {
    if (!this.csrf) await this.get('/login');
    const body = new URLSearchParams({ _csrf: this.csrf });
    for (const [k, v] of Object.entries(form)) body.set(k, String(v));
    const res = await request(
      this.base + path,
      'POST',
      { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      body.toString(),
    );
    this.remember(res.setCookies, res.body);
    return { status: res.status, body: res.body, location: res.location };
  }

  /** A multipart form (file upload): the CSRF token is its first field, as upload forms send it. */
  async postMultipart(
    path: string,
    form: FormData,
  ): Promise<{ status: number; body: string; location: string | null }> {
    const body = new FormData();
    body.append('_csrf', this.csrf);
    for (const [k, v] of form.entries()) body.append(k, v);
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { cookie: this.cookieHeader },
      body,
      redirect: 'manual',
    });
    const text = await res.text();
    this.remember(res.headers.getSetCookie(), text);
    return { status: res.status, body: text, location: res.headers.get('location') };
  }

  /** Posts the login form with the token from the login page, then loads a page as a browser would after the redirect. */
  async login(email: string, password: string, totpSecret?: string) {
    await this.get('/login');
    const res = await this.post('/login', { email, password });
    if (res.status !== 303) throw new Error(`login as ${email} failed with ${res.status}`);
    if (res.location === '/login/two-factor') {
      if (!totpSecret) throw new Error(`${email} needs a two-factor code`);
      const totp = new TOTP({ secret: totpSecret, digits: 6, period: 30 });
      // Each step's code works once: the next step's is accepted too (a login moments ago spent this one).
      const codes = [Date.now(), Date.now() + 30_000].map((timestamp) => totp.generate({ timestamp }));
      let done = await this.post('/login/two-factor', { code: codes[0]! });
      if (done.status !== 303) done = await this.post('/login/two-factor', { code: codes[1]! });
      if (done.status !== 303) throw new Error(`second factor of ${email} refused with ${done.status}`);
    }
    await this.get('/cart');
  }
}
