import type { FastifyReply } from 'fastify';
import { notFound } from '../../platform/errors.js';
import type { Storage } from '../../platform/storage.js';
import type { CaseFile } from './case.repo.js';

/**
 * Sends a case file. Photos are shown inline only as their re-encoded preview (no
 * metadata); originals (staff only) and videos always download as attachments, which
 * a <video> element still plays. Never cached by shared caches.
 */
export function sendCaseFile(
  reply: FastifyReply,
  storage: Storage,
  caseNumber: string,
  file: CaseFile | undefined,
  original = false,
) {
  if (!file) throw notFound();
  const preview = file.kind === 'photo' && !original && file.previewKey;
  const key = preview || file.fileKey;
  const ext = key.split('.').pop();
  return reply
    .type(preview ? 'image/webp' : file.mimeType)
    .header('content-disposition', `${preview ? 'inline' : 'attachment'}; filename="${caseNumber}-${file.id}.${ext}"`)
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(storage.open(key));
}
