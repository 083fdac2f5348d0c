import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { localePath, stripLocalePrefix } from '../http/locale.js';
import { isPublicPage, jsonLdText } from './seo-head.js';

describe('language in the URL', () => {
  it('prefixes storefront paths in Spanish and leaves the back office, API and files alone', () => {
    expect(localePath('en', '/products/x')).toBe('/products/x');
    expect(localePath('es', '/')).toBe('/es/');
    expect(localePath('es', '/products/x?kwh=5#profit')).toBe('/es/products/x?kwh=5#profit');
    for (const p of [
      '/admin',
      '/admin/orders',
      '/api/v1/products',
      '/assets/app.css',
      '/media/products/a.png',
      '/locale',
    ])
      expect(localePath('es', p)).toBe(p);
    expect(localePath('es', '/administration')).toBe('/es/administration');
    expect(localePath('es', '//evil.example')).toBe('//evil.example');
  });

  it('routes /es/x as /x and only a whole /es segment', () => {
    const route = (url: string) => stripLocalePrefix({ url } as IncomingMessage);
    expect(route('/es/products/x?y=1')).toBe('/products/x?y=1');
    expect(route('/es')).toBe('/');
    expect(route('/es/')).toBe('/');
    expect(route('/es?q=1')).toBe('/?q=1');
    expect(route('/essentials')).toBe('/essentials');
    expect(route('/products/es')).toBe('/products/es');
  });
});

describe('head tags', () => {
  it('writes JSON-LD that no text can break out of', () => {
    const text = jsonLdText({ name: '</script><script>alert(1)</script> & \u2028' });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script> & \u2028' });
  });

  it('indexes only public storefront pages', () => {
    for (const p of [
      '/',
      '/categories/asic-miners',
      '/products/s21?kwh=3',
      '/help',
      '/help/terms',
      '/asic-miner-repair/3',
    ])
      expect(isPublicPage(p), p).toBe(true);
    for (const p of ['/search', '/cart', '/account', '/admin', '/login', '/products/s21/profit', '/orders/1'])
      expect(isPublicPage(p), p).toBe(false);
  });
});
