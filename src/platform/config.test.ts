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
