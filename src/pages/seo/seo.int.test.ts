import xmlParser from 'fast-xml-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedInClient } from '../../../test/browser-client.js';
import { insertProduct } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { repairCenters } from '../../platform/db/schema.js';

/**
 * What search engines and chat apps read (issue 20, ADR 0026): robots.txt, the sitemaps,
 * canonical and hreflang links in both languages, JSON-LD per page type, the Open Graph PNG.
 */
const ORIGIN = 'https://shop.example';
let t: TestApp;
let centerId: number;
let hiddenCenterId: number;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: ORIGIN });
  await insertProduct(t.db, { slug: 'seo-s21', name: 'Antminer S21 <Pro>', stock: 3, priceCents: 549_900 });
  await insertProduct(t.db, { slug: 'seo-backorder', name: 'Backorder Miner', stock: 0, backorderAllowed: true });
  await insertProduct(t.db, { slug: 'seo-gone', name: 'Gone Miner', stock: 0, backorderAllowed: false });
  const { user } = await loggedInClient(t.app, t.db);
  const center = {
    ownerId: user.id,
    name: 'Shenzhen Hash Repair',
    country: 'CN',
    city: 'Shenzhen',
    address: '1 Repair Rd',
    phone: '+86 755 0000 0000',
    whatsapp: '+86 138 0000 0000',
    email: 'repair@example.test',
    brands: ['Bitmain'],
  };
  const [approved] = await t.db
    .insert(repairCenters)
    .values({ ...center, status: 'approved', publishedAt: new Date('2026-11-01T00:00:00Z') })
    .returning();
  const [inReview] = await t.db
    .insert(repairCenters)
    .values({ ...center, name: 'Unreviewed Repair' })
    .returning();
  centerId = approved!.id;
  hiddenCenterId = inReview!.id;
});
afterAll(() => t.close());

const parse = (text: string) => xmlParser.parse(text, { ignoreAttributes: false, attributeNamePrefix: '@' });
const asList = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

function headLinks(body: string) {
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(body)?.[1];
  const alternates = Object.fromEntries(
    [...body.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const robots = /<meta name="robots" content="([^"]+)"/.exec(body)?.[1];
  const description = /<meta name="description" content="([^"]*)"/.exec(body)?.[1];
  return { canonical, alternates, robots, description };
}

function jsonLd(body: string): Record<string, unknown>[] {
  return [...body.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) =>
    JSON.parse(m[1] ?? ''),
  );
}

describe('robots.txt', () => {
  it('keeps private areas out in both languages and names the sitemap', async () => {
    const res = await t.app.inject('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    for (const p of ['/admin', '/cart', '/orders', '/account', '/api/', '/es/admin', '/es/cart'])
      expect(res.body.split('\n')).toContain(`Disallow: ${p}`);
    expect(res.body).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
    // Every line is a directive a crawler understands (Lighthouse's robots.txt audit).
    for (const line of res.body.split('\n').filter(Boolean))
      expect(line).toMatch(/^(User-agent|Disallow|Sitemap): \S+$/);
    expect(res.body).not.toMatch(/Disallow: \/(products|categories|help|asic-miner-repair)/);
  });
});

describe('sitemap', () => {
  async function xml(url: string) {
    const res = await t.app.inject(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(xmlParser.validate(res.body)).toBe(true);
    return parse(res.body);
  }

  async function allUrls() {
    const index = await xml('/sitemap.xml');
    const files = asList(index.sitemapindex.sitemap).map((s: { loc: string }) => s.loc);
    expect(files.every((f: string) => f.startsWith(`${ORIGIN}/sitemaps/`))).toBe(true);
    const urls: { loc: string; lastmod?: string; 'xhtml:link': { '@hreflang': string; '@href': string }[] }[] = [];
    for (const f of files) urls.push(...asList((await xml(f.slice(ORIGIN.length))).urlset.url));
    return urls;
  }

  it('lists every product once per language, with alternates and lastmod from the data', async () => {
    const urls = await allUrls();
    const locs = urls.map((u) => u.loc);
    expect(new Set(locs).size).toBe(locs.length);
    for (const slug of ['seo-s21', 'seo-backorder', 'seo-gone']) {
      expect(locs.filter((l) => l === `${ORIGIN}/products/${slug}`)).toHaveLength(1);
      expect(locs.filter((l) => l === `${ORIGIN}/es/products/${slug}`)).toHaveLength(1);
    }
    const s21 = urls.find((u) => u.loc === `${ORIGIN}/es/products/seo-s21`)!;
    expect(s21.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.fromEntries(s21['xhtml:link'].map((l) => [l['@hreflang'], l['@href']]))).toEqual({
      en: `${ORIGIN}/products/seo-s21`,
      es: `${ORIGIN}/es/products/seo-s21`,
      'x-default': `${ORIGIN}/products/seo-s21`,
    });
  });

  it('lists categories, help pages and approved repair centers, and no private or unreviewed URL', async () => {
    const locs = (await allUrls()).map((u) => u.loc);
    for (const p of ['/', '/categories/asic-miners', '/help', '/help/shipping', '/asic-miner-repair']) {
      expect(locs).toContain(`${ORIGIN}${p}`);
      expect(locs).toContain(`${ORIGIN}/es${p}`);
    }
    expect(locs).toContain(`${ORIGIN}/asic-miner-repair/${centerId}`);
    expect(locs).not.toContain(`${ORIGIN}/asic-miner-repair/${hiddenCenterId}`);
    for (const l of locs)
      expect(new URL(l).pathname).not.toMatch(
        /^(\/es)?\/(admin|cart|orders|account|api|after-sales|repair-centers|search|login)/,
      );
  });

  it('answers 404 for a products file past the end', async () => {
    expect((await t.app.inject('/sitemaps/products-99.xml')).statusCode).toBe(404);
    expect((await t.app.inject('/sitemaps/products-x.xml')).statusCode).toBe(404);
  });
});

describe('canonical and hreflang', () => {
  const pages = ['/', '/categories/asic-miners', '/products/seo-s21', '/help', '/help/payment', '/asic-miner-repair'];

  it('pair each public page with its other language, both ways', async () => {
    for (const path of pages) {
      const en = headLinks((await t.app.inject(path)).body);
      const esRes = await t.app.inject(`/es${path}`);
      expect(esRes.statusCode).toBe(200);
      expect(esRes.body).toContain('<html lang="es"');
      const es = headLinks(esRes.body);
      expect(en.canonical).toBe(`${ORIGIN}${path}`);
      expect(es.canonical).toBe(`${ORIGIN}/es${path}`);
      const expected = { en: `${ORIGIN}${path}`, es: `${ORIGIN}/es${path}`, 'x-default': `${ORIGIN}${path}` };
      expect(en.alternates).toEqual(expected);
      expect(es.alternates).toEqual(expected);
      expect(en.robots).toBeUndefined();
      expect(en.description?.length).toBeGreaterThan(30);
    }
  });

  it('drops sorting, filters and pages from a listing canonical', async () => {
    const res = await t.app.inject('/es/categories/asic-miners?sort=price_asc&brand=Bitmain&page=2&after=x');
    expect(res.statusCode).toBe(200);
    expect(headLinks(res.body).canonical).toBe(`${ORIGIN}/es/categories/asic-miners`);
  });

  it('serves Spanish at an unprefixed URL as before, canonical at /es/, varying by language', async () => {
    const res = await t.app.inject({ url: '/products/seo-s21', headers: { 'accept-language': 'es' } });
    expect(res.body).toContain('<html lang="es"');
    expect(headLinks(res.body).canonical).toBe(`${ORIGIN}/es/products/seo-s21`);
    expect(res.headers.vary).toMatch(/Accept-Language/);
    // A prefixed page names its language itself: the cookie and header do not change it.
    const prefixed = await t.app.inject({ url: '/es/products/seo-s21', headers: { 'accept-language': 'en' } });
    expect(prefixed.body).toContain('<html lang="es"');
    expect(prefixed.headers.vary).toBeUndefined();
  });

  it('links in a Spanish page stay in Spanish; the back office stays unprefixed', async () => {
    const body = (await t.app.inject('/es/')).body;
    expect(body).toContain('href="/es/products/seo-s21"');
    expect(body).toContain('href="/es/categories/asic-miners"');
    expect(body).toContain('href="/es/help"');
    expect(body).not.toMatch(/href="\/(products|categories|help)/);
    // Help prose (Markdown) links too.
    expect((await t.app.inject('/es/help/repair-centers')).body).toContain('href="/es/asic-miner-repair"');
    const { client } = await loggedInClient(t.app, t.db, 'admin');
    const admin = await client.get('/es/');
    expect(admin.body).toContain('href="/admin"');
  });

  it('marks private, search and empty pages noindex, and 404s too', async () => {
    for (const path of ['/search?q=s21', '/login', '/es/search?q=zzzz', '/categories/parts?brand=Nobody']) {
      const res = await t.app.inject(path);
      expect(headLinks(res.body).robots, path).toBe('noindex');
    }
    const missing = await t.app.inject('/es/products/no-such-thing');
    expect(missing.statusCode).toBe(404);
    expect(headLinks(missing.body).robots).toBe('noindex');
    const { client } = await loggedInClient(t.app, t.db, 'admin');
    for (const path of ['/admin', '/cart', '/account', '/es/orders']) {
      const res = await client.get(path);
      expect(res.statusCode, path).toBe(200);
      expect(headLinks(res.body).robots, path).toBe('noindex');
    }
  });

  it('moves the language switch between the two URLs of a page', async () => {
    const { BrowserClient } = await import('../../../test/browser-client.js');
    const v = new BrowserClient(t.app);
    await v.get('/products/seo-s21');
    const toEs = await v.post('/locale', { locale: 'es', back: '/products/seo-s21?kwh=5' });
    expect(toEs.headers.location).toBe('/es/products/seo-s21?kwh=5');
    const toEn = await v.post('/locale', { locale: 'en', back: '/es/products/seo-s21' });
    expect(toEn.headers.location).toBe('/products/seo-s21');
  });
});

describe('structured data', () => {
  it('describes a product with its offer, properties and breadcrumbs, escaped inside the script', async () => {
    const res = await t.app.inject('/es/products/seo-s21');
    const scripts = [...res.body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
      (m) => m[1],
    );
    expect(scripts.join('')).toContain('Antminer S21 \\u003cPro\\u003e');
    expect(scripts.join('')).not.toContain('<');
    const [product, crumbs] = jsonLd(res.body);
    expect(product).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Antminer S21 <Pro>',
      sku: expect.stringMatching(/^TST-/),
      brand: { '@type': 'Brand', name: 'Bitmain' },
      url: `${ORIGIN}/es/products/seo-s21`,
      offers: {
        '@type': 'Offer',
        price: '5499.00',
        priceCurrency: 'USD',
        availability: 'https://schema.org/InStock',
      },
      additionalProperty: [
        { '@type': 'PropertyValue', name: 'Hashrate', value: 200, unitText: 'TH/s' },
        { '@type': 'PropertyValue', name: 'Power', value: 3500, unitText: 'W' },
      ],
    });
    expect(crumbs).toMatchObject({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { position: 1, name: 'Inicio', item: `${ORIGIN}/es/` },
        { position: 2, item: `${ORIGIN}/es/categories/asic-miners` },
        { position: 3, name: 'Antminer S21 <Pro>', item: `${ORIGIN}/es/products/seo-s21` },
      ],
    });
    const description = headLinks(res.body).description ?? '';
    expect(description).toContain('200 TH/s');
    expect(description).toContain('3500 W');
    expect(description).toContain('En stock');
  });

  it('tells backorder and out of stock apart', async () => {
    const offer = async (slug: string) =>
      (jsonLd((await t.app.inject(`/products/${slug}`)).body)[0]?.offers as { availability?: string } | undefined)
        ?.availability;
    expect(await offer('seo-backorder')).toBe('https://schema.org/BackOrder');
    expect(await offer('seo-gone')).toBe('https://schema.org/OutOfStock');
  });

  it('names the shop with its WhatsApp contact on the contact page', async () => {
    const org = jsonLd((await t.app.inject('/es/help/contact')).body).find((d) => d['@type'] === 'Organization');
    expect(org).toMatchObject({ '@type': 'Organization', url: `${ORIGIN}/` });
    expect((org?.contactPoint as { url: string }[] | undefined)?.[0]?.url).toMatch(/^https:\/\/wa\.me\/\d+$/);
  });

  it('describes an approved repair center as a LocalBusiness, and help pages with breadcrumbs', async () => {
    const [center] = jsonLd((await t.app.inject(`/asic-miner-repair/${centerId}`)).body);
    expect(center).toMatchObject({
      '@type': 'LocalBusiness',
      name: 'Shenzhen Hash Repair',
      address: { '@type': 'PostalAddress', addressLocality: 'Shenzhen', addressCountry: 'CN' },
      telephone: '+86 755 0000 0000',
    });
    expect((await t.app.inject(`/asic-miner-repair/${hiddenCenterId}`)).statusCode).toBe(404);
    const [crumbs] = jsonLd((await t.app.inject('/es/help/shipping')).body);
    expect(crumbs).toMatchObject({ '@type': 'BreadcrumbList' });
  });
});

describe('shared links', () => {
  it('give a product page Open Graph and Twitter tags, and a WhatsApp share link', async () => {
    const body = (await t.app.inject('/es/products/seo-s21')).body;
    const og = Object.fromEntries(
      [...body.matchAll(/<meta (?:property|name)="((?:og|product|twitter):[^"]+)" content="([^"]*)"/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    expect(og['og:type']).toBe('product');
    expect(og['og:url']).toBe(`${ORIGIN}/es/products/seo-s21`);
    expect(og['og:image']).toMatch(new RegExp(`^${ORIGIN}/products/seo-s21/og\\.png\\?v=`));
    expect(og['product:price:amount']).toBe('5499.00');
    expect(og['product:price:currency']).toBe('USD');
    expect(og['product:availability']).toBe('instock');
    expect(og['twitter:card']).toBe('summary_large_image');
    const share = /href="(https:\/\/wa\.me\/\?text=[^"]+)"/.exec(body)?.[1] ?? '';
    expect(decodeURIComponent(share.split('text=')[1] ?? '')).toBe(`Antminer S21 <Pro> ${ORIGIN}/es/products/seo-s21`);
  });

  it('serve the product picture as a 1200×630 PNG, cacheable', async () => {
    const res = await t.app.inject('/products/seo-s21/og.png');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toMatch(/public, max-age=\d+/);
    expect(res.rawPayload.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const meta = await sharp(res.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    expect((await t.app.inject('/products/no-such/og.png')).statusCode).toBe(404);
  });

  it('give category, help and repair-center pages Open Graph titles', async () => {
    for (const path of ['/categories/asic-miners', '/help/payment', `/asic-miner-repair/${centerId}`]) {
      expect((await t.app.inject(path)).body, path).toMatch(/<meta property="og:title" content="[^"]+"/);
    }
  });
});

describe('links in mail', () => {
  it("point at the recipient's language", async () => {
    const { BrowserClient } = await import('../../../test/browser-client.js');
    const { outboxMessages } = await import('../../platform/db/schema.js');
    const { desc } = await import('drizzle-orm');
    const v = new BrowserClient(t.app);
    await v.get('/es/password/forgot');
    expect((await v.post('/es/password/forgot', { email: 'nobody-es@example.test' })).statusCode).toBeLessThan(500);
    const [mail] = await t.db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(1);
    expect(mail?.to).toBe('nobody-es@example.test');
    expect(mail?.body).toContain(`${ORIGIN}/es/register`);
  });
});
