import type { FastifyRequest } from 'fastify';
import type { MessageKey } from '../../platform/i18n/index.js';
import { largestUpload } from '../../platform/upload-policy.js';
import { repairCenterPhotoPolicy } from './actions/store-photos.js';
import { MAX_PHOTOS } from './repair-center.rules.js';

export interface MultipartForm {
  fields: Record<string, string | string[]>;
  photos: Buffer[];
  /** A problem with the uploaded photos, shown beside the photo field. */
  photoError?: MessageKey;
}

/**
 * Reads the repair-center form (multipart, so photos can come with it). Each photo is
 * cut off at the photo policy's limit by the parser before it is buffered whole; one photo more than the
 * limit is read only to say "too many". Empty file inputs are skipped.
 */
export async function readMultipartForm(req: FastifyRequest): Promise<MultipartForm> {
  const fields: Record<string, string | string[]> = {};
  const photos: Buffer[] = [];
  let photoError: MessageKey | undefined;
  const add = (name: string, value: string) => {
    const prev = fields[name];
    fields[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  };
  try {
    for await (const part of req.parts({
      limits: { fileSize: largestUpload(repairCenterPhotoPolicy), files: MAX_PHOTOS + 1, fields: 60 },
    })) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') add(part.fieldname, part.value);
        continue;
      }
      const bytes = await part.toBuffer();
      if (bytes.length === 0 && !part.filename) continue;
      photos.push(bytes);
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') photoError = repairCenterPhotoPolicy.messages.tooLarge;
    else if (code === 'FST_FILES_LIMIT') photoError = 'field.tooManyPhotos';
    else throw err;
  }
  if (!photoError && photos.length > MAX_PHOTOS) photoError = 'field.tooManyPhotos';
  return { fields, photos, photoError };
}
