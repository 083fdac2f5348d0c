import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { countryCodes } from '../../../platform/countries.js';
import type { Db } from '../../../platform/db/client.js';
import type { ActionContext } from '../../../platform/effects.js';
import { AppError } from '../../../platform/errors.js';
import { parseForm } from '../../../platform/http/forms.js';
import { addToCart, cartLines, MAX_LINE_QUANTITY } from '../../cart/index.js';
import { actorOf, confirmDelivery, shippingMethods, submitOrder, submitOrderInput } from '../../orders/index.js';
import { buyerOf } from '../api-caller.js';
import { idempotent } from '../idempotency.js';
import { orderDetail, orderNumberParams } from './order.schemas.js';
import { freshOrder, loadOrder } from './order-detail.js';
import { problems } from './responses.js';

const cartItemBody = z.strictObject({
  productId: z.int().positive().max(2_147_483_647),
  quantity: z.int().min(1).max(MAX_LINE_QUANTITY),
});
const cart = z
  .object({
    lines: z.array(
      z.object({
        productId: z.int(),
        sku: z.string(),
        name: z.string(),
        quantity: z.int(),
        unitPriceCents: z.int().describe('US cents, the list price now; sales confirm prices on the order'),
      }),
    ),
  })
  .meta({ id: 'Cart' });

/** "My cart list"'s order form, JSON-shaped; the form's own schema then applies its rules (phone, lengths). */
const submitBody = z
  .strictObject({
    fullName: z.string().max(120),
    phone: z.string().max(24),
    country: z.enum(countryCodes),
    city: z.string().max(100),
    address: z.string().max(300),
    postalCode: z.string().max(20).default(''),
    shippingMethod: z.enum(shippingMethods),
    paymentMethodId: z.int().positive().max(2_147_483_647),
    cryptoAcknowledged: z
      .boolean()
      .default(false)
      .describe('The buyer has read the warning about crypto-mining rules at the destination'),
  })
  .meta({ id: 'SubmitOrder' });

/** A buyer's own operation: their browser session only (a staff token has no cart, no orders of its own). */
function buyer(req: FastifyRequest): CurrentUser {
  const user = buyerOf(req);
  if (!user) throw new AppError('FORBIDDEN');
  return user;
}

/**
 * The buyer's side of an order with their session: fill the cart, submit it (the order form's
 * action: stock reserved, the cart ordered once), and confirm delivery. Cancelling and the
 * thread are the order routes'; the payment proof is an upload.
 */
export async function buyerApi(base: FastifyInstance, { db, actions }: { db: Db; actions: ActionContext }) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['buyer'];

  app.post(
    '/cart/items',
    {
      schema: {
        tags,
        summary: 'Add a product to the cart (buyer)',
        description: 'Adds to the line if the product is already in the cart; refused beyond stock or the line limit.',
        body: cartItemBody,
        response: { 201: cart, ...problems(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const user = buyer(req);
      await idempotent(db, req, reply, async () => {
        await addToCart(db, user.id, req.body.productId, req.body.quantity);
        const lines = await cartLines(db, user.id);
        return {
          status: 201,
          body: {
            lines: lines.map((l) => ({
              productId: l.productId,
              sku: l.sku,
              name: l.name,
              quantity: l.quantity,
              unitPriceCents: l.unitPriceCents,
            })),
          },
        };
      });
    },
  );

  app.post(
    '/orders',
    {
      schema: {
        tags,
        summary: 'Submit the cart as an order (buyer)',
        description:
          'The order starts in awaiting_quote: sales set the freight. Send an Idempotency-Key: a retry returns the same order instead of finding the cart empty.',
        body: submitBody,
        response: { 201: orderDetail, ...problems(400, 401, 403, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const user = buyer(req);
      const form = parseForm(submitOrderInput, {
        ...req.body,
        // The form's one-time token; the API's retries are the Idempotency-Key's.
        token: randomBytes(18).toString('base64url'),
        cryptoAcknowledged: String(req.body.cryptoAcknowledged),
      });
      if (!form.ok) throw new AppError('VALIDATION', { fields: form.errors });
      await idempotent(db, req, reply, async () => {
        const { number } = await submitOrder(actions, user, form.data);
        return { status: 201, body: await freshOrder(db, number, req) };
      });
    },
  );

  app.post(
    '/orders/:number/confirm-delivery',
    {
      schema: {
        tags,
        summary: 'Confirm delivery (buyer)',
        description: 'The goods arrived: the order is completed (and after-sales service may be requested).',
        params: orderNumberParams,
        response: { 200: orderDetail, ...problems(400, 401, 403, 404, 409, 429) },
      },
    },
    async (req, reply) => {
      const user = buyer(req);
      const order = await loadOrder(db, req.params.number, { staff: false, actors: [user] });
      await idempotent(db, req, reply, async () => {
        await confirmDelivery(actions, order, actorOf(user));
        return { status: 200, body: await freshOrder(db, order.number, req) };
      });
    },
  );
}
