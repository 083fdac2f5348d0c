import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { sendPrivateFile } from '../../platform/http/send-private-file.js';
import type { Storage } from '../../platform/storage.js';
import type { CaseFile } from './case.repo.js';

/**
 * Sends a case file. Photos are shown inline only as their re-encoded preview (no
 * metadata); originals (staff only) and videos always download as attachments, which
 * a <video> element still plays. Never cached by shared caches.
 */
export function sendCaseFile(
  req: FastifyRequest,
  reply: FastifyReply,
  storage: Storage,
  caseNumber: string,
  file: CaseFile | undefined,
  original = false,
) {
  if (!file) throw notFound();
  const preview = file.kind === 'photo' && !original && file.previewKey;
  const key = preview || file.fileKey;
  return sendPrivateFile(req, reply, storage, {
    key,
    type: preview ? 'image/webp' : file.mimeType,
    filename: `${caseNumber}-${file.id}.${key.split('.').pop()}`,
    inline: !!preview,
  });
}
