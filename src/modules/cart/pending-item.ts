import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { seeOther } from '../../platform/http/locale.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import { addToCart } from './actions/add-to-cart.js';
import { renderAddRefused } from './cart.routes.js';

/**
 * The item a visitor added before logging in or registering, put in their cart once they
 * are in: then the cart. A refused quantity shows the product page with the cart's reason
 * (the user is logged in by now); anything else is logged and the login goes on.
 */
export const carryPendingItem =
  (db: Db) =>
  async (
    req: FastifyRequest,
    reply: FastifyReply,
    user: CurrentUser,
    item: { productId: number; quantity: number },
  ): Promise<FastifyReply | undefined> => {
    try {
      await addToCart(db, user.id, item.productId, item.quantity);
      return seeOther(req, reply, '/cart');
    } catch (err) {
      const refused = err instanceof AppError && (err.fields?.quantity as MessageKey | undefined);
      if (refused) {
        req.user = user;
        return renderAddRefused(db, req, reply, item.productId, String(item.quantity), refused);
      }
      req.log.info({ err }, 'pending cart item not added');
      return undefined;
    }
  };
