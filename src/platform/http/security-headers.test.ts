import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerSecurityHeaders } from './security-headers.js';

async function headersOf(https: boolean, path = '/') {
  const app = Fastify();
  registerSecurityHeaders(app, { https });
  app.get('/', async () => 'ok');
  const res = await app.inject(path);
  await app.close();
  return res.headers;
}

describe('security headers', () => {
  it('sends one fixed policy on every response, a 404 too', async () => {
    for (const path of ['/', '/missing']) {
      const h = await headersOf(false, path);
      expect(h['content-security-policy']).toBe(
        "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;connect-src 'self';form-action 'self';object-src 'none';base-uri 'none';frame-ancestors 'none'",
      );
      expect(h).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'same-origin',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
      });
      expect(h['strict-transport-security']).toBeUndefined();
      expect(h['x-powered-by']).toBeUndefined();
    }
  });

  it('adds HSTS and upgrades insecure requests on https', async () => {
    const h = await headersOf(true);
    expect(h['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(h['content-security-policy']).toMatch(/;upgrade-insecure-requests$/);
  });
});
