import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { Storage } from '../storage.js';
import {
  checkImagePixels,
  defineUploadPolicy,
  largestUpload,
  MAX_IMAGE_PIXELS,
  overLimit,
  reencodeImage,
  SNIFF_BYTES,
  sniffUpload,
  type UploadPolicy,
  type UploadProblem,
  type UploadType,
} from '../upload-policy.js';
import type { FieldErrors } from './forms.js';

export const MAX_MEDIA_FILES = 10;

/**
 * Evidence photos and videos (packing, after-sales): originals kept for staff, photos
 * shown to buyers only as re-encoded previews without metadata.
 */
export const evidenceMediaPolicy = defineUploadPolicy({
  maxBytes: { photo: 20 * 1024 * 1024, video: 1024 * 1024 * 1024 },
  maxPixels: MAX_IMAGE_PIXELS,
  images: 'preview',
  messages: {
    badType: 'media.badType',
    tooLarge: 'media.tooLarge',
    tooManyPixels: 'upload.tooManyPixels',
    unreadable: 'field.imageUnreadable',
  },
});

export type MediaKind = 'photo' | 'video';

export interface StoredMedia {
  /** The form field the file came in. */
  field: string;
  key: string;
  /** Photos only: a re-encoded WebP without metadata, the only version shown to buyers. */
  previewKey: string | null;
  size: number;
  sha256: string;
  mimeType: string;
  kind: MediaKind;
}

export interface MediaUpload {
  /** Text fields as typed (for validation, and to re-render the form on error). */
  fields: Record<string, string>;
  /** Empty whenever `errors` is not: a refused request keeps nothing. */
  files: StoredMedia[];
  /** File field -> message key, when a file was refused. */
  errors: FieldErrors;
}

export interface MediaUploadOptions {
  /** Storage folder (lowercase letters and dashes). */
  folder: string;
  /** File fields the form declares; files in other fields are discarded unread. */
  fileFields: readonly string[];
  maxFiles?: number;
  /** Photos and videos only; `evidenceMediaPolicy` unless the form says otherwise. */
  policy?: UploadPolicy;
}

type FilePart = Readable & { truncated?: boolean };

/**
 * Reads a multipart form, streaming each file straight to storage (never whole in
 * memory), under the form's upload policy. The parser's per-file limit is the largest
 * kind's; photos are cut off at their own limit as soon as the count passes it. A refused file (type, size, count) makes the
 * whole request keep nothing, while the rest of the body is still parsed so that typed
 * text fields come back. Any other failure (client abort, disk error) removes every file
 * this request stored and rethrows: nothing half-written or unreferenced stays behind.
 * Callers store rows after this returns and call `discardMedia` if that fails.
 */
export async function readMediaUpload(
  req: FastifyRequest,
  storage: Storage,
  options: MediaUploadOptions,
): Promise<MediaUpload> {
  if (!req.isMultipart()) throw new AppError('VALIDATION');
  const maxFiles = options.maxFiles ?? MAX_MEDIA_FILES;
  const policy = options.policy ?? evidenceMediaPolicy;
  // A stream is stored as it arrives: the original always exists, so nothing can replace it.
  if (policy.images === 'replace') throw new Error('streamed uploads keep their originals: use a preview policy');
  const fields: Record<string, string> = {};
  const files: StoredMedia[] = [];
  const errors: FieldErrors = {};
  let lastFileField = options.fileFields[0] ?? 'files';
  try {
    // Oversize is read from `file.truncated` per part (typed @fastify/multipart omits this option).
    const partsOptions = {
      limits: { fileSize: largestUpload(policy), files: maxFiles, fields: 50, parts: maxFiles + 50 },
      throwFileSizeLimit: false,
    };
    for await (const part of req.parts(partsOptions)) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      lastFileField = part.fieldname;
      // Once anything is refused the request keeps nothing: read on only for the text fields.
      if (!options.fileFields.includes(part.fieldname) || Object.keys(errors).length) {
        await drain(part.file);
        continue;
      }
      const result = await storePart(part.file, storage, options.folder, policy);
      if (result === null) continue;
      if ('error' in result) errors[part.fieldname] ??= policy.messages[result.error];
      else files.push({ field: part.fieldname, ...result });
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') {
      errors[lastFileField] ??= 'media.tooMany';
    } else {
      await discardMedia(storage, files);
      if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError('PAYLOAD_TOO_LARGE');
      throw err;
    }
  }
  if (!Object.keys(errors).length) {
    try {
      await addPreviews(storage, options.folder, files, errors, policy);
    } catch (err) {
      await discardMedia(storage, files);
      throw err;
    }
  }
  if (Object.keys(errors).length) {
    await discardMedia(storage, files);
    return { fields, files: [], errors };
  }
  return { fields, files, errors };
}

/** Removes stored uploads (originals and previews), e.g. when the transaction recording them fails. */
export async function discardMedia(storage: Storage, files: readonly Pick<StoredMedia, 'key' | 'previewKey'>[]) {
  const keys = files.flatMap((f) => (f.previewKey ? [f.key, f.previewKey] : [f.key]));
  await Promise.allSettled(keys.map((k) => storage.remove(k)));
}

type PartResult = Omit<StoredMedia, 'field' | 'previewKey'> & { previewKey: null };

/** Sniffs the first bytes, then streams the part to storage; null for an empty file input. */
async function storePart(
  file: FilePart,
  storage: Storage,
  folder: string,
  policy: UploadPolicy,
): Promise<PartResult | { error: UploadProblem } | null> {
  const chunks = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let headBytes = 0;
  while (headBytes < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    headBytes += next.value.length;
  }
  if (headBytes === 0) return null; // a file input left empty still sends an empty part
  const first = Buffer.concat(head);
  const type = await sniffUpload(first, policy);
  if (typeof type === 'string' || type.kind === 'pdf') {
    await drainIterator(chunks);
    return { error: 'badType' };
  }
  const accepted: UploadType = type;
  let tooLarge = false;
  // Pulled by storage.put at the pace the disk takes it; the request is paused meanwhile.
  async function* body() {
    let size = first.length;
    let next: IteratorResult<Buffer> = { done: false, value: first };
    while (!next.done) {
      if (overLimit(size, accepted, policy)) break;
      yield next.value;
      next = await chunks.next();
      if (!next.done) size += next.value.length;
    }
    // busboy stops a file at the video limit and marks it truncated.
    if (overLimit(size, accepted, policy) || file.truncated) {
      tooLarge = true;
      throw new Error('file over its size limit');
    }
  }
  try {
    const stored = await storage.put(Readable.from(body(), { objectMode: false }), folder, type.ext);
    return { ...stored, mimeType: accepted.mimeType, kind: type.kind, previewKey: null };
  } catch (err) {
    if (!tooLarge) {
      // Stop the parser too, so an aborted or failed request does not wait on this part.
      file.destroy();
      throw err;
    }
    await drainIterator(chunks);
    return { error: 'tooLarge' };
  }
}

/**
 * Photos are pixel-checked from their header, then (under a `preview` policy) re-encoded
 * without metadata: the only version buyers see. Photos are small enough to re-read whole.
 */
async function addPreviews(
  storage: Storage,
  folder: string,
  files: StoredMedia[],
  errors: FieldErrors,
  policy: UploadPolicy,
) {
  for (const file of files) {
    if (file.kind !== 'photo') continue;
    const bytes = await readAll(storage.open(file.key));
    const problem = await checkImagePixels(bytes, policy);
    if (problem) {
      errors[file.field] ??= policy.messages[problem];
      return;
    }
    if (policy.images !== 'preview') continue;
    try {
      const webp = await reencodeImage(bytes, policy);
      file.previewKey = (await storage.put(Readable.from([webp]), folder, 'webp')).key;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      errors[file.field] ??= policy.messages.unreadable;
      return;
    }
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function drainIterator(chunks: AsyncIterator<Buffer>) {
  while (!(await chunks.next()).done) {
    // discard: the part is refused, but the body after it may hold text fields
  }
}

const drain = (file: Readable) => drainIterator(file[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
