import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireUser } from '../../platform/auth/current-user.js';
import type { Db } from '../../platform/db/client.js';
import type { ActionContext } from '../../platform/effects.js';
import { AppError } from '../../platform/errors.js';
import { type EventBus, orderTopic } from '../../platform/events.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { streamChanges } from '../../platform/http/live-stream.js';
import { seeOther } from '../../platform/http/locale.js';
import { pageContext } from '../../platform/http/page-context.js';
import { cancelOrder } from './actions/cancel-order.js';
import { confirmDelivery } from './actions/confirm-delivery.js';
import { postMessage } from './actions/post-message.js';
import { CartAlreadyOrdered, submitOrder } from './actions/submit-order.js';
import { messageInput, optionalNoteInput, submitOrderInput } from './order.inputs.js';
import { orderEvents as eventNames } from './order.machine.js';
import { customerOrders, findCustomerOrder } from './order.repo.js';
import type { OrderHooks } from './order-hooks.port.js';
import { actorOf } from './order-page.parts.js';
import type { OrderPages } from './order-pages.port.js';
import { MyOrdersPage } from './views/my-orders-page.js';

/** The events a customer fires from `…/events/:event`; the rest of the table has staff routes. */
const customerEvent = z.enum(eventNames).extract(['confirmDelivery', 'cancelByCustomer']);

const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');

/**
 * Actions run through `actions`, which publishes what they changed after commit (ADR 0014).
 * `pages` renders the order page and the cart, which show other modules' sections.
 */
export async function orderRoutes(
  app: FastifyInstance,
  {
    db,
    bus,
    actions,
    pages,
    hooks,
  }: {
    db: Db;
    bus: EventBus;
    actions: ActionContext;
    pages: Pick<OrderPages, 'customerOrder' | 'customer' | 'cart'>;
    hooks: OrderHooks;
  },
) {
  const load = (req: FastifyRequest<{ Params: { number: string } }>) =>
    findCustomerOrder(db, req.params.number, requireUser(req.user).id);

  app.post('/orders', async (req, reply) => {
    const user = requireUser(req.user);
    const form = parseForm(submitOrderInput, req.body);
    if (form.ok) {
      try {
        const { number } = await submitOrder(actions, user, form.data);
        return seeOther(req, reply, `/orders/${number}`);
      } catch (err) {
        if (err instanceof CartAlreadyOrdered)
          return pages.cart(req, reply, { status: 409, orderedAs: err.orderNumber });
        if (!(err instanceof AppError && err.fields)) throw err;
        return pages.cart(req, reply, {
          status: 422,
          form: { errors: err.fields as never, values: formValues(req.body) },
        });
      }
    }
    return pages.cart(req, reply, { status: 422, form });
  });

  app.get('/orders', async (req, reply) => {
    const user = requireUser(req.user);
    const rows = await customerOrders(db, user.id, undefined, 100);
    return html(reply).send(<MyOrdersPage ctx={pageContext(req)} rows={rows} />);
  });

  app.get<{ Params: { number: string } }>('/orders/:number', (req, reply) =>
    pages.customerOrder(req, reply, req.params.number),
  );

  app.get<{ Params: { number: string } }>('/orders/:number/live', async (req, reply) => {
    const order = await load(req);
    streamChanges(req, reply, bus, orderTopic(order.number));
  });

  app.post<{ Params: { number: string; event: string } }>('/orders/:number/events/:event', async (req, reply) => {
    const user = requireUser(req.user);
    const order = await load(req);
    const event = customerEvent.safeParse(req.params.event).data;
    if (event === 'confirmDelivery') await confirmDelivery(actions, order, actorOf(user));
    else if (event === 'cancelByCustomer') {
      const form = parseForm(optionalNoteInput, req.body);
      if (!form.ok) return pages.customer(req, reply, order, { status: 422, forms: { cancel: form } });
      await cancelOrder(actions, order, actorOf(user), 'cancelByCustomer', form.data.reason, hooks);
    } else throw new AppError('NOT_FOUND');
    return seeOther(req, reply, `/orders/${order.number}`);
  });

  app.post<{ Params: { number: string } }>('/orders/:number/messages', async (req, reply) => {
    const user = requireUser(req.user);
    const order = await load(req);
    const form = parseForm(messageInput, req.body);
    if (form.ok) await postMessage(actions, order, user, form.data.body, false);
    return seeOther(req, reply, `/orders/${order.number}#thread`);
  });
}
