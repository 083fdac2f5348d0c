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
