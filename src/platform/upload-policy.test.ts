import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exe, hugePng, jpeg, mp4, svg } from '../../test/media.js';
import {
  checkUpload,
  defineUploadPolicy,
  largestUpload,
  MAX_IMAGE_PIXELS,
  reencodeImage,
  storeUpload,
} from './upload-policy.js';

const policy = defineUploadPolicy({
  maxBytes: { photo: 64 * 1024, pdf: 128 * 1024 },
  maxPixels: MAX_IMAGE_PIXELS,
  images: 'replace',
  messages: {
    badType: 'field.imageType',
    tooLarge: 'field.fileTooLarge',
    tooManyPixels: 'upload.tooManyPixels',
    unreadable: 'field.imageUnreadable',
  },
});
const pdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 32)]);

describe('the upload policy', () => {
  it('decides the type by content and only among the kinds the policy allows', async () => {
    expect(await checkUpload(await jpeg(), policy)).toMatchObject({ kind: 'photo', mimeType: 'image/jpeg' });
    expect(await checkUpload(pdf(), policy)).toMatchObject({ kind: 'pdf', mimeType: 'application/pdf' });
    expect(await checkUpload(mp4(), policy)).toBe('badType'); // a video, but this form takes none
    expect(await checkUpload(exe(), policy)).toBe('badType');
    expect(await checkUpload(svg(), policy)).toBe('badType');
  });

  it('limits size per kind, and pixels from the header before decoding', async () => {
    expect(await checkUpload(Buffer.concat([await jpeg(), Buffer.alloc(70 * 1024)]), policy)).toBe('tooLarge');
    expect(await checkUpload(Buffer.concat([pdf(), Buffer.alloc(70 * 1024)]), policy)).toMatchObject({ kind: 'pdf' });
    expect(largestUpload(policy)).toBe(128 * 1024);
    expect(await checkUpload(hugePng(30_000, 30_000), policy)).toBe('tooManyPixels');
    expect(await checkUpload(hugePng(8000, 5000), policy)).not.toBe('tooManyPixels');
  });

  it('re-encodes without metadata, and refuses to decode past the pixel limit', async () => {
    const tagged = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#0f766e' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret-gps-owner' } } })
      .toBuffer();
    const clean = await reencodeImage(tagged, policy);
    expect((await sharp(clean).metadata()).exif).toBeUndefined();
    expect(clean.includes(Buffer.from('secret-gps-owner'))).toBe(false);
    await expect(reencodeImage(hugePng(), policy)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('stores what the policy says: only the clean copy, the original, or both', async () => {
    const puts: string[] = [];
    const storage = {
      put: async (_s: unknown, folder: string, ext: string) => {
        puts.push(ext);
        return { key: `${folder}/k${puts.length}.${ext}`, size: 1, sha256: 'x' };
      },
      remove: async () => {},
    } as unknown as Parameters<typeof storeUpload>[0];
    const photo = await checkUpload(await jpeg(), policy);
    if (typeof photo === 'string') throw new Error(photo);
    expect(await storeUpload(storage, 'p', photo, policy)).toMatchObject({ mimeType: 'image/webp', previewKey: null });
    const kept = await storeUpload(storage, 'p', photo, { ...policy, images: 'keep' });
    expect(kept).toMatchObject({ mimeType: 'image/jpeg', previewKey: null });
    const both = await storeUpload(storage, 'p', photo, { ...policy, images: 'preview' });
    expect(both.previewKey).toMatch(/\.webp$/);
    expect(puts).toEqual(['webp', 'jpg', 'jpg', 'webp']);
  });
});
