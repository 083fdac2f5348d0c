import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProduct } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

/**
 * Lighthouse's SEO category (v12) checked on the HTML itself, since Lighthouse is not
 * installed here: for home, listing, product, help and the repair directory in both
 * languages, each audit's requirement as the audit states it — http-status-code,
 * document-title, meta-description, is-crawlable (robots meta and robots.txt), hreflang,
 * canonical, crawlable-anchors, link-text, image-alt — plus `lang` and the viewport.
 */
const ORIGIN = 'https://shop.example';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: ORIGIN });
  await insertProduct(t.db, { slug: 'quality-miner', images: ['/assets/products/miner-air.svg'] });
});
afterAll(() => t.close());

const paths = [
  '/',
  '/categories/asic-miners',
  '/products/quality-miner',
  '/help',
  '/help/shipping',
  '/asic-miner-repair',
];
/** Lighthouse's list of non-descriptive link texts (en) and their Spanish counterparts. */
const vague = [
  'click here',
  'click this',
  'go',
  'here',
  'this',
  'start',
  'right here',
  'more',
  'learn more',
  'aquí',
  'haz clic aquí',
  'más',
  'leer más',
  'ir',
];
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

describe.each(['en', 'es'] as const)('storefront pages in %s meet the SEO audits', (locale) => {
  it.each(paths)('%s', async (path) => {
    const url = locale === 'es' ? `/es${path}` : path;
    const res = await t.app.inject(url);
    const html = res.body;
    const head = html.slice(0, html.indexOf('</head>'));
    // http-status-code
    expect(res.statusCode).toBe(200);
    // lang and viewport
    expect(html).toMatch(new RegExp(`^<!doctype html><html lang="${locale}">`));
    expect(head).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    // document-title, meta-description
    expect(/<title>([^<]+)<\/title>/.exec(head)?.[1]?.trim().length).toBeGreaterThan(5);
    expect(/<meta name="description" content="([^"]+)"/.exec(head)?.[1]?.trim().length).toBeGreaterThan(50);
    // is-crawlable: no noindex, and robots.txt does not disallow it
    expect(head).not.toMatch(/<meta name="robots"[^>]*noindex/);
    const robots = (await t.app.inject('/robots.txt')).body;
    for (const m of robots.matchAll(/^Disallow: (\S+)$/gm)) expect(url.startsWith(m[1] ?? '')).toBe(false);
    // canonical: one, absolute, this page in this language, not another page
    const canonicals = [...head.matchAll(/<link rel="canonical" href="([^"]+)"/g)].map((m) => m[1]);
    expect(canonicals).toEqual([`${ORIGIN}${url}`]);
    // hreflang: valid codes, absolute hrefs, this page among them, x-default present
    const alternates = [...head.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)];
    expect(alternates.map((m) => m[1]).sort()).toEqual(['en', 'es', 'x-default']);
    for (const m of alternates) expect(m[2]).toMatch(/^https:\/\/shop\.example\//);
    expect(alternates.map((m) => m[2])).toContain(`${ORIGIN}${url}`);
    // crawlable-anchors and link-text
    const body = html.slice(html.indexOf('<body'));
    for (const m of body.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)) {
      const href = attr(m[0], 'href');
      expect(href, m[0]).toBeDefined();
      expect(href).not.toMatch(/^(javascript:|#?$)/);
      const text = (m[2] ?? '')
        .replace(/<[^>]+>/g, '')
        .trim()
        .toLowerCase();
      expect(text.length, m[0]).toBeGreaterThan(0);
      expect(vague).not.toContain(text);
    }
    // image-alt: every image has an alt attribute (empty for decoration)
    for (const m of body.matchAll(/<img\b[^>]*>/g)) expect(attr(m[0], 'alt'), m[0]).toBeDefined();
  });
});
