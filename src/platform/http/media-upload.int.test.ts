import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import multipartPlugin from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exe, jpeg, mov, mp4, svg, webm } from '../../../test/media.js';
import { type MultipartFile, multipart } from '../../../test/orders.js';
import { createStorage } from '../storage.js';
import { defineUploadPolicy } from '../upload-policy.js';
import { evidenceMediaPolicy, readMediaUpload } from './media-upload.js';

let app: FastifyInstance;
let root: string;
const storage = () => createStorage(root);
const stored = () => readdirSync(join(root, 'media'), { recursive: true }).map(String);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hashcart-media-'));
  app = Fastify();
  // Registered as in app.ts: the helper's per-call limits must override the global 10 MB.
  await app.register(multipartPlugin, { limits: { fileSize: 10 * 1024 * 1024, files: 6, fields: 50 } });
  app.post('/upload', async (req) =>
    readMediaUpload(req, storage(), {
      folder: 'media',
      fileFields: ['files'],
      maxFiles: 3,
      policy: defineUploadPolicy({
        ...evidenceMediaPolicy,
        maxBytes: { photo: 64 * 1024, video: 256 * 1024 },
      }),
    }),
  );
  await app.ready();
});
afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

const upload = (fields: Record<string, string>, files: MultipartFile[]) => {
  const body = multipart(fields, files);
  return app.inject({
    method: 'POST',
    url: '/upload',
    payload: body.payload,
    headers: { 'content-type': body.contentType },
  });
};
const file = (name: string, data: Buffer, type = 'application/octet-stream'): MultipartFile => ({
  field: 'files',
  name,
  type,
  data,
});

describe('readMediaUpload', () => {
  it('stores photos (with a re-encoded preview) and videos by their content, and returns the text fields', async () => {
    const res = await upload({ seals: 'S-1' }, [
      file('a.jpg', await jpeg()),
      file('clip.bin', mp4()),
      file('b.mov', mov()),
    ]);
    const body = res.json();
    expect(body.errors).toEqual({});
    expect(body.fields).toEqual({ seals: 'S-1' });
    expect(body.files.map((f: { mimeType: string; kind: string }) => [f.kind, f.mimeType])).toEqual([
      ['photo', 'image/jpeg'],
      ['video', 'video/mp4'],
      ['video', 'video/quicktime'],
    ]);
    const [photo, video] = body.files;
    expect(photo.previewKey).toMatch(/\.webp$/);
    expect(video.previewKey).toBeNull();
    expect(video.size).toBe(mp4().length);
    const preview = await sharp(join(root, photo.previewKey)).metadata();
    expect(preview.format).toBe('webp');
    expect(stored()).toHaveLength(4);
  });

  it('accepts WebM and skips an empty file input', async () => {
    const res = await upload({}, [file('', Buffer.alloc(0)), file('v.webm', webm())]);
    expect(res.json().files.map((f: { mimeType: string }) => f.mimeType)).toEqual(['video/webm']);
  });

  it.each([
    ['an .exe named .mp4', exe(), 'video/mp4'],
    ['an SVG', svg(), 'image/svg+xml'],
  ])('refuses %s, keeps the typed fields and stores nothing', async (_label, data, type) => {
    const before = stored().length;
    const res = await upload({ seals: 'S-9', note: 'typed' }, [file('ok.jpg', await jpeg()), file('evil', data, type)]);
    expect(res.json()).toEqual({
      fields: { seals: 'S-9', note: 'typed' },
      files: [],
      errors: { files: 'media.badType' },
    });
    expect(stored()).toHaveLength(before);
  });

  it('refuses a photo over the photo limit and a video over the video limit', async () => {
    const before = stored().length;
    const bigPhoto = Buffer.concat([await jpeg(), Buffer.alloc(70 * 1024)]);
    expect((await upload({ a: '1' }, [file('p.jpg', bigPhoto)])).json()).toMatchObject({
      errors: { files: 'media.tooLarge' },
      fields: { a: '1' },
    });
    const bigVideo = mp4(300 * 1024);
    expect((await upload({}, [file('v.mp4', bigVideo)])).json()).toMatchObject({
      errors: { files: 'media.tooLarge' },
      files: [],
    });
    expect(stored()).toHaveLength(before);
  });

  it('refuses more files than allowed and keeps none of them', async () => {
    const before = stored().length;
    const res = await upload(
      {},
      [1, 2, 3, 4].map((n) => file(`${n}.mp4`, mp4(n))),
    );
    expect(res.json()).toMatchObject({ files: [], errors: { files: 'media.tooMany' } });
    expect(stored()).toHaveLength(before);
  });

  it('ignores files in fields the form does not declare', async () => {
    const res = await upload({}, [{ field: 'other', name: 'x.mp4', type: 'video/mp4', data: mp4() }]);
    expect(res.json()).toEqual({ fields: {}, files: [], errors: {} });
  });
});
