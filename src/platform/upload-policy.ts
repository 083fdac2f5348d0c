import { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from './errors.js';
import type { MessageKey } from './i18n/index.js';
import { loadSharp } from './sharp.js';
import type { Storage } from './storage.js';

/**
 * The one upload policy every form applies (SECURITY "Files"): kinds allowed by their
 * bytes only, a size limit per kind, a pixel limit on images checked from the header
 * before anything decodes them, and metadata stripped wherever an image is re-encoded.
 * Each form declares its policy with `defineUploadPolicy`; the functions below are the
 * only code that sniffs, measures or re-encodes an upload.
 */

export type UploadKind = 'photo' | 'video' | 'pdf';
export type UploadProblem = 'badType' | 'tooLarge' | 'tooManyPixels' | 'unreadable';

/** Larger images are refused before decoding (decompression bombs); 40 MP is more than any phone camera. */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** file-type's own sample size: enough for every container below (WebM needs its EBML DocType). */
export const SNIFF_BYTES = 4100;

const byContent: Record<string, { mimeType: string; kind: UploadKind }> = {
  jpg: { mimeType: 'image/jpeg', kind: 'photo' },
  png: { mimeType: 'image/png', kind: 'photo' },
  webp: { mimeType: 'image/webp', kind: 'photo' },
  mp4: { mimeType: 'video/mp4', kind: 'video' },
  mov: { mimeType: 'video/quicktime', kind: 'video' },
  webm: { mimeType: 'video/webm', kind: 'video' },
  pdf: { mimeType: 'application/pdf', kind: 'pdf' },
};

export interface UploadPolicy {
  /** The kinds this form accepts, each with its limit in bytes. */
  readonly maxBytes: Readonly<Partial<Record<UploadKind, number>>>;
  readonly maxPixels: number;
  /**
   * What is stored of an image. `keep`: the original only, for evidence read by its
   * uploader and staff (a payment proof's bytes and hash are what finance checks).
   * `preview`: the original for staff plus a re-encoded WebP, the only version buyers see.
   * `replace`: only the re-encoded WebP (public pictures).
   */
  readonly images: 'keep' | 'preview' | 'replace';
  /** What the form says beside the file field for each refusal. */
  readonly messages: Readonly<Record<UploadProblem, MessageKey>>;
}

export const defineUploadPolicy = (policy: UploadPolicy): UploadPolicy => Object.freeze(policy);

/** The parser's per-file cut-off: the largest kind's limit (smaller kinds are cut at their own). */
/**
 * A receipt of money moved (a payment proof, a refund's transfer): evidence checked byte
 * for byte and by hash, shown only to the buyer and staff, so the original is kept, never
 * re-encoded, but still pixel-limited so that opening one cannot exhaust a reviewer's browser.
 */
export const receiptPolicy = defineUploadPolicy({
  maxBytes: { photo: 10 * 1024 * 1024, pdf: 10 * 1024 * 1024 },
  maxPixels: MAX_IMAGE_PIXELS,
  images: 'keep',
  messages: {
    badType: 'proof.badType',
    tooLarge: 'proof.tooLarge',
    tooManyPixels: 'upload.tooManyPixels',
    unreadable: 'field.imageUnreadable',
  },
});

export const largestUpload = (policy: UploadPolicy) => Math.max(...Object.values(policy.maxBytes));

export interface UploadType {
  ext: string;
  mimeType: string;
  kind: UploadKind;
}

/** The upload's type from its first bytes (the name and the browser's Content-Type are ignored). */
export async function sniffUpload(head: Buffer, policy: UploadPolicy): Promise<UploadType | UploadProblem> {
  const type = await fileTypeFromBuffer(head);
  const known = type && byContent[type.ext];
  if (!type || !known || policy.maxBytes[known.kind] === undefined) return 'badType';
  return { ext: type.ext, ...known };
}

export const overLimit = (size: number, type: UploadType, policy: UploadPolicy) =>
  size > (policy.maxBytes[type.kind] ?? 0);

/** Reads the image's dimensions from its header only; nothing is decoded. */
export async function checkImagePixels(bytes: Buffer, policy: UploadPolicy): Promise<UploadProblem | null> {
  const sharp = await loadSharp();
  try {
    const { width, height, pages } = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (!width || !height) return 'unreadable';
    // Animated images decode every frame.
    return width * height * Math.max(pages ?? 1, 1) > policy.maxPixels ? 'tooManyPixels' : null;
  } catch {
    return 'unreadable';
  }
}

/**
 * Re-encodes a picture before anyone else sees it: decoded within the pixel limit,
 * turned upright, bounded to 2000 px, written as WebP. Re-encoding drops EXIF (GPS,
 * camera serials) and any payload hidden in the original bytes.
 */
export async function reencodeImage(bytes: Buffer, policy: UploadPolicy): Promise<Buffer> {
  const sharp = await loadSharp();
  try {
    return await sharp(bytes, { limitInputPixels: policy.maxPixels, failOn: 'error' })
      .rotate()
      .resize({ width: 2000, height: 2000, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw new AppError('VALIDATION', { fields: { image: policy.messages.unreadable } });
  }
}

export type CheckedUpload = UploadType & { bytes: Buffer };

/** Every check of the policy on a file already in memory (small forms: proofs, pictures). */
export async function checkUpload(bytes: Buffer, policy: UploadPolicy): Promise<CheckedUpload | UploadProblem> {
  const type = await sniffUpload(bytes.subarray(0, SNIFF_BYTES), policy);
  if (typeof type === 'string') return type;
  if (overLimit(bytes.length, type, policy)) return 'tooLarge';
  if (type.kind === 'photo') {
    const pixels = await checkImagePixels(bytes, policy);
    if (pixels) return pixels;
  }
  return { ...type, bytes };
}

/** `checkUpload` for an action: a refusal is a validation error beside `field`. */
export async function requireUpload(bytes: Buffer, policy: UploadPolicy, field: string): Promise<CheckedUpload> {
  const checked = await checkUpload(bytes, policy);
  if (typeof checked === 'string') throw new AppError('VALIDATION', { fields: { [field]: policy.messages[checked] } });
  return checked;
}

export interface StoredUpload {
  /** What is kept under the policy: the original, or for `replace` the re-encoded WebP. */
  key: string;
  /** `preview` policies: the re-encoded WebP shown to buyers. */
  previewKey: string | null;
  size: number;
  sha256: string;
  mimeType: string;
  kind: UploadKind;
}

/**
 * Stores a checked upload as its policy says, under random keys. Re-encoding happens
 * before anything is written, so a picture that fails it leaves no file.
 */
export async function storeUpload(
  storage: Storage,
  folder: string,
  file: CheckedUpload,
  policy: UploadPolicy,
): Promise<StoredUpload> {
  const image = file.kind === 'photo' && policy.images !== 'keep';
  const clean = image ? await reencodeImage(file.bytes, policy) : undefined;
  if (clean && policy.images === 'replace') {
    const stored = await storage.put(Readable.from([clean]), folder, 'webp');
    return { ...stored, previewKey: null, mimeType: 'image/webp', kind: 'photo' };
  }
  const stored = await storage.put(Readable.from([file.bytes]), folder, file.ext);
  if (!clean) return { ...stored, previewKey: null, mimeType: file.mimeType, kind: file.kind };
  try {
    const preview = await storage.put(Readable.from([clean]), folder, 'webp');
    return { ...stored, previewKey: preview.key, mimeType: file.mimeType, kind: file.kind };
  } catch (err) {
    await storage.remove(stored.key);
    throw err;
  }
}
