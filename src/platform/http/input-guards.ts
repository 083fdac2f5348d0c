import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { hasControlCharacter } from './locale.js';

const hasNul = (value: unknown): boolean =>
  typeof value === 'string'
    ? value.includes('\u0000')
    : Array.isArray(value)
      ? value.some(hasNul)
      : !!value && typeof value === 'object' && Object.values(value).some(hasNul);

/**
 * Refuses at the door what can only end as a database error: PostgreSQL text cannot hold
 * NUL (a 500 otherwise), and no path of ours has a control character in it (404). Query
 * strings and form fields with NUL are a bad request (400); other control characters in
 * them are left to each field's own rules.
 */
export function registerInputGuards(app: FastifyInstance) {
  app.addHook('onRequest', async (req) => {
    const q = req.url.indexOf('?');
    const path = q === -1 ? req.url : req.url.slice(0, q);
    if (hasControlCharacter(path)) throw new AppError('NOT_FOUND');
    if (q !== -1 && /%00/.test(req.url.slice(q))) throw new AppError('BAD_REQUEST');
  });
  app.addHook('preValidation', async (req) => {
    if (hasNul(req.body)) throw new AppError('BAD_REQUEST');
  });
}
