import type { FastifyInstance, InjectOptions } from 'fastify';
import type { BrowserClient } from './browser-client.js';
import { type MultipartFile, multipart } from './orders.js';

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

/** A JSON API call with a browser session, as the shop's own pages make it (the CSRF header beside the cookie). */
export function sessionApi(
  app: FastifyInstance,
  client: BrowserClient,
  method: InjectOptions['method'],
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method,
    url,
    remoteAddress: client.ip,
    headers: {
      cookie: client.cookieHeader,
      'x-csrf-token': client.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A multipart API upload, with a bearer token or a browser session (and its CSRF header). */
export function apiUpload(
  app: FastifyInstance,
  as: string | BrowserClient,
  url: string,
  fields: Record<string, string>,
  files: MultipartFile | MultipartFile[],
  headers: Record<string, string> = {},
) {
  const body = multipart(fields, files);
  const auth =
    typeof as === 'string' ? { authorization: `Bearer ${as}` } : { cookie: as.cookieHeader, 'x-csrf-token': as.csrf };
  return app.inject({
    method: 'POST',
    url,
    ...(typeof as === 'string' ? {} : { remoteAddress: as.ip }),
    headers: { ...auth, 'content-type': body.contentType, ...headers },
    payload: body.payload,
  });
}
