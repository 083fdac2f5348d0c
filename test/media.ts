import sharp from 'sharp';

/** Test media whose first bytes pass the upload allow-list (file-type sniffs them). */
export const jpeg = (shade = 128) =>
  sharp({ create: { width: 16, height: 12, channels: 3, background: { r: shade, g: 100, b: 60 } } })
    .jpeg()
    .toBuffer();

/** An MP4 (ISO base media) header: an `ftyp` box, then `filler` bytes. */
export function mp4Header(brand: 'isom' | 'qt  ' = 'isom'): Buffer {
  const box = Buffer.alloc(32);
  box.writeUInt32BE(32, 0);
  box.write('ftyp', 4);
  box.write(brand, 8);
  box.writeUInt32BE(0x200, 12);
  box.write(`${brand}mp42isomavc1`, 16);
  return box;
}

export const mp4 = (fillerBytes = 8192) => Buffer.concat([mp4Header(), Buffer.alloc(fillerBytes, 7)]);
export const mov = () => Buffer.concat([mp4Header('qt  '), Buffer.alloc(8192, 7)]);
/** An EBML header whose DocType is `webm`. */
export const webm = () =>
  Buffer.concat([
    Buffer.from(
      '1a45dfa39f4286810142f7810142f2810442f381084282847765626d42878104428581021853806701ffffffffffffff',
      'hex',
    ),
    Buffer.alloc(8192, 3),
  ]);
/** A Windows executable, to be uploaded under a video's name. */
export const exe = () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(8190, 0)]);
export const svg = () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

function crc32(buf: Buffer) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};

/**
 * A PNG whose header claims `width`×`height` pixels but whose pixel data is a few bytes:
 * tiny on the wire, gigabytes once decoded (a decompression bomb's shape).
 */
export function hugePng(width = 30_000, height = 30_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from('789c030000000001', 'hex')),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
