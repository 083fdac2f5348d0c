import { gzipSync } from 'node:zlib';

const decodeEntities = (s: string) => s.replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&quot;', '"');

async function text(url: string): Promise<string> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return res.text();
}

/** The URL behind the rel="next" link of a listing page, if any. */
export function nextLink(html: string): string | undefined {
  const m =
    /<a\b[^>]*\bhref="([^"]+)"[^>]*\brel="next"/.exec(html) ?? /<a\b[^>]*\brel="next"[^>]*\bhref="([^"]+)"/.exec(html);
  return m?.[1] && decodeEntities(m[1]);
}

/** Follows rel="next" from a first listing page to page `n`, as a reader clicking "Next" would. */
export async function followToPage(base: string, first: string, n: number): Promise<string> {
  let path = first;
  for (let page = 1; page < n; page++) {
    const next = nextLink(await text(base + path));
    if (!next) throw new Error(`${first} has only ${page} page(s); the bench wants ${n}`);
    path = next;
  }
  return path;
}

export async function firstProductPath(base: string, listing: string): Promise<string> {
  const m = /href="(\/products\/[a-z0-9-]+)"/.exec(await text(base + listing));
  if (!m?.[1]) throw new Error(`no product link on ${listing}`);
  return m[1];
}

export interface Bytes {
  raw: number;
  gzip: number;
}
export interface PageWeight {
  html: Bytes;
  css: Bytes;
  js: Bytes;
  scripts: string[];
}

const bytes = (buf: Buffer): Bytes => ({ raw: buf.length, gzip: gzipSync(buf).length });
const sum = (xs: Bytes[]): Bytes => ({
  raw: xs.reduce((a, b) => a + b.raw, 0),
  gzip: xs.reduce((a, b) => a + b.gzip, 0),
});

async function fetchBuffer(url: string): Promise<Buffer> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/**
 * What a first visit to a page downloads: its HTML, the stylesheets and the scripts it links
 * (same-origin ones; /assets/app.css and /vendor/htmx.min.js are always counted). Sizes are
 * raw and gzip (node:zlib, default level), since the app itself does not compress.
 */
export async function pageWeight(base: string, path: string): Promise<PageWeight> {
  const html = await fetchBuffer(base + path);
  const doc = html.toString();
  const hrefs = (re: RegExp) =>
    [...doc.matchAll(re)].map((m) => decodeEntities(m[1] ?? '')).filter((u) => u.startsWith('/'));
  // Keyed by path without query, so a versioned link to a default file is counted once.
  const byPath = (urls: string[]) => new Map(urls.map((u) => [u.split('?')[0] ?? u, u]));
  const styles = byPath(['/assets/app.css', ...hrefs(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)]);
  const scripts = byPath(['/vendor/htmx.min.js', ...hrefs(/<script\b[^>]*src="([^"]+)"/g)]);
  const load = async (m: Map<string, string>) =>
    Promise.all([...m.values()].map(async (u) => bytes(await fetchBuffer(base + u))));
  return {
    html: bytes(html),
    css: sum(await load(styles)),
    js: sum(await load(scripts)),
    scripts: [...scripts.values()],
  };
}
