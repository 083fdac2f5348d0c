import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageRenderer } from '../../platform/http/page-renderer.js';
import type { FormState } from '../../platform/views/form.js';
import type { CartView } from '../cart/index.js';
import type { Order } from './order.repo.js';

/**
 * The pages that show an order with other modules' sections (proofs, packing, cases, PI),
 * composed in src/pages and handed to the routes of orders, payments and packing.
 */
export interface OrderPages {
  /** The customer's own order by number (anyone else's is "not found"), as GET shows it. */
  customerOrder(req: FastifyRequest, reply: FastifyReply, number: string): Promise<FastifyReply>;
  customer: PageRenderer<Order>;
  staff: PageRenderer<Order>;
  /** The cart with the order form; after a refused submit with its form state (`orderedAs`: it was already ordered). */
  cart(
    req: FastifyRequest,
    reply: FastifyReply,
    shown: { status?: number; form?: FormState; orderedAs?: string; lineError?: CartView['lineError'] },
  ): Promise<FastifyReply>;
}
