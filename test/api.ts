import type { FastifyInstance, InjectOptions } from 'fastify';
import type { BrowserClient } from './browser-client.js';

/** Makes a token on the admin page as the admin client and reads it off the page (shown once). */
export async function createApiToken(
  app: FastifyInstance,
  admin: BrowserClient,
  roles: string[],
  name = `Integration ${++made}`,
  days = '30',
) {
  await admin.get('/admin/api-tokens');
  const form = new URLSearchParams({ _csrf: admin.csrf, name, days });
  for (const r of roles) form.append('roles', r);
  const created = await app.inject({
    method: 'POST',
    url: '/admin/api-tokens',
    remoteAddress: admin.ip,
    payload: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: admin.cookieHeader },
  });
  const token = /hc_[A-Za-z0-9_-]{43}/.exec(created.body)?.[0];
  if (created.statusCode !== 201 || !token) throw new Error(`token not created: ${created.statusCode}`);
  return { token, page: created.body, name };
}
let made = 0;

/** A JSON API call with a bearer token. */
export function api(
  app: FastifyInstance,
  token: string | undefined,
  method: InjectOptions['method'],
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method,
    url,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
}
