import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { csvFileName } from '../csv.js';

/** Sends a streamed CSV export as a download (never cached: it holds buyers' data). */
export const sendCsv = (reply: FastifyReply, what: string, body: Readable) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${csvFileName(what)}"`)
    .header('cache-control', 'private, no-store')
    .send(body);
