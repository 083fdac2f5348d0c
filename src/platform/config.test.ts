import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default, in production too', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('takes a hop count or a list of proxy addresses', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
  });

  it('refuses "true" (any sender could claim any address) and anything that is not an address', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: 'nginx.local' })).toThrow(/TRUST_PROXY/);
  });
});

describe('MAIL_FROM', () => {
  it('is the sender as configured, else no-reply at the public host', () => {
    expect(loadConfig({ MAIL_FROM: 'Miner Shop <orders@shop.example.com>' }).mailFrom).toBe(
      'Miner Shop <orders@shop.example.com>',
    );
    expect(loadConfig({ MAIL_FROM: 'orders@shop.example.com' }).mailFrom).toBe('orders@shop.example.com');
    expect(loadConfig({ PUBLIC_URL: 'https://shop.example.com' }).mailFrom).toBe('no-reply@shop.example.com');
  });

  it('refuses what is not an address (a header injection, a bare name)', () => {
    expect(() => loadConfig({ MAIL_FROM: 'Shop' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ MAIL_FROM: 'a@b.c\r\nBcc: x@y.z' })).toThrow(/MAIL_FROM/);
  });
});

describe('S3 storage', () => {
  it('is off without S3_BUCKET, whatever else is set', () => {
    expect(loadConfig({}).s3).toBeUndefined();
    expect(loadConfig({ S3_ENDPOINT: 'http://127.0.0.1:9000' }).s3).toBeUndefined();
  });

  it('takes the bucket, endpoint, region and the standard AWS credentials; path style by default with an endpoint', () => {
    expect(
      loadConfig({
        S3_BUCKET: 'shop-files',
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        AWS_ACCESS_KEY_ID: 'id',
        AWS_SECRET_ACCESS_KEY: 'secret',
      }).s3,
    ).toEqual({
      bucket: 'shop-files',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret', sessionToken: undefined },
    });
    const aws = loadConfig({ S3_BUCKET: 'shop-files', S3_REGION: 'eu-central-1' }).s3;
    expect(aws).toMatchObject({ region: 'eu-central-1', forcePathStyle: false, credentials: undefined });
    expect(
      loadConfig({ S3_BUCKET: 'b-1', S3_ENDPOINT: 'http://x', S3_FORCE_PATH_STYLE: 'false' }).s3?.forcePathStyle,
    ).toBe(false);
  });

  it('refuses a malformed endpoint or flag', () => {
    expect(() => loadConfig({ S3_BUCKET: 'b-1', S3_ENDPOINT: 'not a url' })).toThrow(/S3_ENDPOINT/);
    expect(() => loadConfig({ S3_BUCKET: 'b-1', S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/S3_FORCE_PATH_STYLE/);
  });
});

describe('METRICS_TOKEN and SHUTDOWN_TIMEOUT_MS', () => {
  it('keep metrics closed by default and shut down within 10 s', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({}).shutdownTimeoutMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '2500' }).shutdownTimeoutMs).toBe(2500);
  });

  it('refuse a guessable token', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});
