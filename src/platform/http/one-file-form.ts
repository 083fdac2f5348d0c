import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { largestUpload, type UploadPolicy } from '../upload-policy.js';

/**
 * Reads a multipart form of text fields and one small file (a receipt), never more than
 * the policy's limit: past it, reading stops (the rest of the body is discarded) and
 * `tooLarge` says so. Large media stream to storage instead (media-upload.ts).
 */
export async function readOneFileForm(req: FastifyRequest, policy: UploadPolicy, fileField: string) {
  const fields: Record<string, string> = {};
  let bytes: Buffer = Buffer.alloc(0);
  let tooLarge = false;
  try {
    for await (const part of req.parts({ limits: { fileSize: largestUpload(policy), files: 1, fields: 10 } })) {
      if (part.type === 'file') {
        const data = await (part as MultipartFile).toBuffer();
        if (part.fieldname === fileField) bytes = data;
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
    tooLarge = true;
  }
  return { fields, bytes, tooLarge };
}
