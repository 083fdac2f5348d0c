import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireUser } from '../../platform/auth/current-user.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { parseForm } from '../../platform/http/forms.js';
import { seeOther } from '../../platform/http/locale.js';
import { pageContext } from '../../platform/http/page-context.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import { DEFAULT_KWH_CENTS, findProductById, ProductPage } from '../catalog/index.js';
import { addToCart } from './actions/add-to-cart.js';
import { changeCartQuantity } from './actions/change-cart-quantity.js';
import { addItemInput, setQuantityInput } from './cart.inputs.js';
import { deleteCartLine } from './cart.repo.js';
import type { CartView } from './views/cart-page.js';

const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');

/** The product page again (422), with the quantity that was asked for and why it was refused. */
export async function renderAddRefused(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  productId: number,
  typed: string,
  message: MessageKey,
) {
  const p = Number.isSafeInteger(productId) && productId > 0 ? await findProductById(db, productId) : undefined;
  if (!p) throw new AppError('NOT_FOUND');
  const form = { errors: { quantity: message }, values: { quantity: typed } };
  return html(reply, 422).send(<ProductPage ctx={pageContext(req)} v={{ p, kwhCents: DEFAULT_KWH_CENTS, form }} />);
}

const fieldError = (err: unknown) => (err instanceof AppError && err.fields?.quantity) as MessageKey | false;

/**
 * The cart page: "My cart list" with the order form under it, composed above the modules
 * (the orders module depends on the cart, not the reverse). `lineError`: a refused change of one line.
 */
export type CartPageRenderer = (
  req: FastifyRequest,
  reply: FastifyReply,
  shown: { status?: number; lineError?: CartView['lineError'] },
) => Promise<FastifyReply>;

export async function cartRoutes(app: FastifyInstance, { db, page }: { db: Db; page: CartPageRenderer }) {
  app.get('/cart', (req, reply) => page(req, reply, {}));

  app.post('/cart/items', async (req, reply) => {
    const form = parseForm(addItemInput, req.body);
    const productId = Number((req.body as { productId?: string })?.productId);
    let error = form.ok ? undefined : (form.errors.quantity ?? 'field.invalid');
    if (form.ok) {
      if (!req.user) {
        // A visitor logs in first and finds the item in the cart afterwards.
        const q = new URLSearchParams({
          addProduct: String(form.data.productId),
          addQuantity: String(form.data.quantity),
        });
        return seeOther(req, reply, `/login?${q}`);
      }
      try {
        await addToCart(db, req.user.id, form.data.productId, form.data.quantity);
        return seeOther(req, reply, '/cart');
      } catch (err) {
        error = fieldError(err) || undefined;
        if (!error) throw err;
      }
    }
    const typed = String((req.body as { quantity?: unknown })?.quantity ?? '');
    return renderAddRefused(db, req, reply, productId, typed, error ?? 'field.invalid');
  });

  app.post<{ Params: { productId: string } }>('/cart/items/:productId', async (req, reply) => {
    const user = requireUser(req.user);
    const productId = Number(req.params.productId);
    if (!Number.isInteger(productId)) throw new AppError('NOT_FOUND');
    const form = parseForm(setQuantityInput, req.body);
    const typed = String((req.body as { quantity?: unknown })?.quantity ?? '');
    if (!form.ok)
      return page(req, reply, {
        status: 422,
        lineError: { productId, message: form.errors.quantity ?? 'field.invalid', typed },
      });
    try {
      await changeCartQuantity(db, user.id, productId, form.data.quantity);
    } catch (err) {
      const message = fieldError(err);
      if (!message) throw err;
      return page(req, reply, { status: 422, lineError: { productId, message, typed } });
    }
    return seeOther(req, reply, '/cart');
  });

  app.post<{ Params: { productId: string } }>('/cart/items/:productId/remove', async (req, reply) => {
    const user = requireUser(req.user);
    const productId = Number(req.params.productId);
    if (Number.isInteger(productId)) await deleteCartLine(db, user.id, productId);
    return seeOther(req, reply, '/cart');
  });
}
