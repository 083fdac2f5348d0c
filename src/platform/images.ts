import { AppError } from './errors.js';

/** Larger images are refused before decoding (decompression bombs). */
export const MAX_IMAGE_PIXELS = 40_000_000;

/**
 * Re-encodes an uploaded picture before anyone else sees it: decoded with a pixel
 * limit, turned upright, bounded to 2000 px, written as WebP. Re-encoding drops EXIF
 * (GPS, camera serials) and any payload hidden in the original bytes.
 */
export async function reencodeImage(bytes: Buffer): Promise<Buffer> {
  // Loaded on first upload: libvips is ~25 MB of resident memory (#7).
  const { default: sharp } = await import('sharp');
  try {
    return await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: 2000, height: 2000, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw new AppError('VALIDATION', { fields: { image: 'field.imageUnreadable' } });
  }
}
