import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../errors.js';
import type { Storage } from '../storage.js';

export interface PrivateFile {
  key: string;
  type: string;
  /** Download name, without path. */
  filename: string;
  /** Inline only for what the shop re-encoded itself (photo previews); everything else downloads. */
  inline: boolean;
}

const RANGE = /^bytes=(\d*)-(\d*)$/;

/** The one byte range asked for, clamped to the file; null for none (or several), 'unsatisfiable' for a bad one. */
export function parseRange(header: string | undefined, size: number) {
  const m = header ? RANGE.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const [start, end] =
    m[1] === ''
      ? [Math.max(0, size - Number(m[2])), size - 1]
      : [Number(m[1]), m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)];
  return start > end || start >= size ? ('unsatisfiable' as const) : { start, end };
}

/**
 * Sends an uploaded file (payment proof, packing evidence, case file) that only its
 * owner and staff may fetch: never cached by shared caches, sandboxed, never sniffed,
 * and with byte ranges so a video can be seeked without downloading it whole.
 */
export async function sendPrivateFile(req: FastifyRequest, reply: FastifyReply, storage: Storage, file: PrivateFile) {
  const size = await storage.size(file.key);
  if (size === undefined) throw notFound();
  reply
    .type(file.type)
    .header('content-disposition', `${file.inline ? 'inline' : 'attachment'}; filename="${file.filename}"`)
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('accept-ranges', 'bytes');
  const range = parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send();
  if (!range) return reply.header('content-length', size).send(storage.open(file.key));
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
    .header('content-length', range.end - range.start + 1)
    .send(storage.open(file.key, range));
}
