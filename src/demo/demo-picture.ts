import { Readable } from 'node:stream';
import { crc32, deflateSync } from 'node:zlib';
import type { Storage } from '../platform/storage.js';
import { seededRandom } from './demo-orders.js';

const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
};

/**
 * A small PNG (a card in a colour from `n`, with a darker band where the label would be),
 * built by hand: the demo needs a hundred or so distinct pictures and an image library
 * would spend most of the seed's time on them.
 */
export function demoPng(n: number, width = 48, height = 32): Buffer {
  const rand = seededRandom(n + 1);
  const [r, g, b] = [0, 1, 2].map(() => 70 + Math.floor(rand() * 160)) as [number, number, number];
  const band = Math.floor(rand() * (height - 8));
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    const dark = y >= band && y < band + 6 ? 0.6 : 1;
    for (let x = 0; x < width; x++) {
      raw[row + 1 + x * 3] = r * dark;
      raw[row + 2 + x * 3] = g * dark;
      raw[row + 3 + x * 3] = b * dark;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Stores a demo picture in `folder`; returns the row fields a file record needs. */
export async function storeDemoPicture(storage: Storage, folder: string, n: number) {
  const stored = await storage.put(Readable.from([demoPng(n)]), folder, 'png');
  return { fileKey: stored.key, sizeBytes: stored.size, sha256: stored.sha256, mimeType: 'image/png' };
}
