import { describe, expect, it } from 'vitest';
import { checkEndpointUrl, MAX_ATTEMPTS, nextAttemptAt, retryDelaysMs } from './webhook.rules.js';
import { newWebhookSecret, signWebhook, verifyWebhook, webhookHeaders } from './webhook.signing.js';

// The Standard Webhooks reference vector (the same one the svix and standard-webhooks libraries test).
const vector = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('webhook signatures', () => {
  it('reproduce the Standard Webhooks reference signature', () => {
    expect(signWebhook(vector.secret, vector.id, vector.timestamp, vector.body)).toBe(vector.signature);
  });

  it('verify one of several signatures, within the tolerance, and nothing tampered', () => {
    const at = new Date(vector.timestamp * 1000);
    const headers = {
      id: vector.id,
      timestamp: String(vector.timestamp),
      signature: `v1,bm9wZQ== ${vector.signature}`,
    };
    expect(verifyWebhook(vector.secret, headers, vector.body, at)).toBe(true);
    expect(verifyWebhook(vector.secret, headers, '{"test": 2432232315}', at)).toBe(false);
    expect(verifyWebhook(vector.secret, { ...headers, id: 'msg_other' }, vector.body, at)).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), headers, vector.body, at)).toBe(false);
    // Replayed six minutes later: refused.
    expect(verifyWebhook(vector.secret, headers, vector.body, new Date(at.getTime() + 6 * 60_000))).toBe(false);
  });

  it('send the id, the timestamp in seconds and the signature of each attempt', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const at = new Date('2026-12-02T10:00:00.750Z');
    const h = webhookHeaders(secret, 'msg_1', at, '{}');
    expect(h['webhook-timestamp']).toBe(String(Math.floor(at.getTime() / 1000)));
    expect(
      verifyWebhook(
        secret,
        { id: h['webhook-id']!, timestamp: h['webhook-timestamp']!, signature: h['webhook-signature']! },
        '{}',
        at,
      ),
    ).toBe(true);
  });
});

describe('retry schedule', () => {
  it('follows 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then stops (more than 24 hours in all)', () => {
    const t0 = new Date('2026-01-01T00:00:00Z');
    const waits = Array.from({ length: MAX_ATTEMPTS }, (_, i) => nextAttemptAt(i + 1, t0)?.getTime());
    expect(waits.slice(0, -1).map((w) => (w! - t0.getTime()) / 1000)).toEqual([
      5, 300, 1800, 7200, 18000, 36000, 36000,
    ]);
    expect(waits.at(-1)).toBeUndefined();
    expect(nextAttemptAt(MAX_ATTEMPTS, t0)).toBeNull();
    expect(retryDelaysMs.reduce((a, b) => a + b, 0)).toBeGreaterThan(24 * 3_600_000);
  });
});

describe('endpoint URLs', () => {
  it('are http(s) without credentials; without private addresses only https to a public host', () => {
    expect(checkEndpointUrl('http://127.0.0.1:9/hook', true)).toBeUndefined();
    expect(checkEndpointUrl('ftp://example.com/', true)).toBe('field.webhookUrl');
    expect(checkEndpointUrl('javascript:alert(1)', true)).toBe('field.webhookUrl');
    expect(checkEndpointUrl('https://u:p@example.com/', true)).toBe('field.webhookUrl');
    expect(checkEndpointUrl('not a url', true)).toBe('field.webhookUrl');
    expect(checkEndpointUrl('https://erp.example.com/hook', false)).toBeUndefined();
    expect(checkEndpointUrl('http://erp.example.com/hook', false)).toBe('field.webhookHttps');
    for (const host of ['localhost', '127.0.0.1', '10.1.2.3', '192.168.0.5', '172.20.0.1', '169.254.169.254', '[::1]'])
      expect(checkEndpointUrl(`https://${host}/hook`, false)).toBe('field.webhookPrivate');
  });
});
