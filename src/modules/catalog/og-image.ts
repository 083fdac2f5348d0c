import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { publicDir } from '../../platform/paths.js';
import { createReadCache } from '../../platform/read-cache.js';
import { loadSharp } from '../../platform/sharp.js';
import type { Storage } from '../../platform/storage.js';
import { OG_IMAGE } from './product.seo.js';
import type { Product } from './product.types.js';

const FALLBACK = '/assets/products/accessory.svg';
const DRAWING = /^\/assets\/products\/([a-z-]+)\.svg$/;
const UPLOAD = /^\/media\/(products\/[A-Za-z0-9_-]{22}\.[a-z0-9]{2,5})$/;

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

async function toBuffer(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The product's main picture as bytes: a drawing from the shop's assets or an upload; never a path from outside. */
async function mainPicture(p: Pick<Product, 'images'>, storage: Storage): Promise<Buffer> {
  const src = p.images[0] ?? FALLBACK;
  const upload = UPLOAD.exec(src);
  if (upload?.[1] && (await storage.exists(upload[1]).catch(() => false))) return toBuffer(storage.open(upload[1]));
  const drawing = DRAWING.exec(src)?.[1] ?? 'accessory';
  return readFile(join(publicDir, 'products', `${drawing}.svg`)).catch(() =>
    readFile(join(publicDir, 'products', 'accessory.svg')),
  );
}

/** Lines of at most `max` characters, breaking at spaces, at most `lines` of them. */
function wrap(text: string, max: number, lines: number) {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > max) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.length > lines
    ? [
        ...out.slice(0, lines - 1),
        `${out
          .slice(lines - 1)
          .join(' ')
          .slice(0, max - 1)}…`,
      ]
    : out;
}

export interface OgCard {
  name: string;
  brand: string;
  /** "200 TH/s · 3,500 W". */
  specs: string;
  price: string;
}

/** Renders the 1200×630 PNG: the picture on the left, brand, name, specs and price on the right. */
export async function renderOgImage(picture: Buffer, card: OgCard): Promise<Buffer> {
  const { width, height } = OG_IMAGE;
  const sharp = await loadSharp();
  const art = await sharp(picture, { density: 192 })
    .resize(540, 440, { fit: 'contain', background: '#ffffff' })
    .flatten({ background: '#ffffff' })
    .png()
    .toBuffer();
  const nameLines = wrap(card.name, 18, 3);
  const text = [
    `<text x="640" y="150" font-size="30" fill="#5b6470">${xml(card.brand)}</text>`,
    ...nameLines.map(
      (l, i) => `<text x="640" y="${210 + i * 56}" font-size="42" font-weight="700" fill="#111827">${xml(l)}</text>`,
    ),
    `<text x="640" y="${250 + nameLines.length * 56}" font-size="32" fill="#374151">${xml(card.specs)}</text>`,
    `<text x="640" y="${330 + nameLines.length * 56}" font-size="56" font-weight="700" fill="#128c4a">${xml(card.price)}</text>`,
    `<text x="640" y="580" font-size="28" fill="#5b6470"># Hashcart</text>`,
  ].join('');
  const background = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#ffffff"/><rect x="0" y="${height - 12}" width="${width}" height="12" fill="#128c4a"/><g font-family="DejaVu Sans, Arial, sans-serif">${text}</g></svg>`,
  );
  return sharp(background)
    .composite([{ input: art, left: 60, top: 95 }])
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/**
 * The Open Graph PNG of products, kept in memory by product id and last change (an edit
 * changes `updatedAt`, so a new image is drawn and the old one ages out of the LRU).
 */
export function createOgImages(storage: Storage, opts: { max?: number } = {}) {
  const cache = createReadCache({ max: opts.max ?? 200, ttlMs: 24 * 60 * 60 * 1000 });
  return (p: Product, card: OgCard) =>
    cache.get(`${p.id}:${p.updatedAt.getTime()}:${card.price}`, async () =>
      renderOgImage(await mainPicture(p, storage), card),
    );
}
