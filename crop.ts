import sharp from 'sharp';
const [src = '', out = '', top = '0', h = '0'] = process.argv.slice(2);
await sharp(src).extract({ left: 0, top: Number(top), width: 375, height: Number(h) }).toFile(out);
