import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FormState } from '../views/form.js';

/** Forms sent back refused, by form name, with the status to answer (422, 409). */
export interface Refused {
  status: number;
  forms: Record<string, FormState>;
}

/**
 * Renders a page composed above the modules (src/pages) about `subject`, optionally with
 * refused forms: how a module's route shows a page that holds other modules' sections
 * without importing them. The app passes the renderers in when it registers the routes.
 */
export type PageRenderer<T> = (
  req: FastifyRequest,
  reply: FastifyReply,
  subject: T,
  refused?: Refused,
) => Promise<FastifyReply>;
