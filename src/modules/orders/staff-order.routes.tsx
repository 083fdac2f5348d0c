import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole, requireStaff } from '../../platform/auth/current-user.js';
import { csvStream, decimalAmount } from '../../platform/csv.js';
import type { Db } from '../../platform/db/client.js';
import type { ActionContext } from '../../platform/effects.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type FieldErrors, formValues, parseForm } from '../../platform/http/forms.js';
import { pageContext } from '../../platform/http/page-context.js';
import { sendCsv } from '../../platform/http/send-csv.js';
import { overCap, parseUsdToCents } from '../../platform/money.js';
import type { FormState } from '../../platform/views/form.js';
import { listPaymentMethods } from '../payment-methods/index.js';
import { cancelOrder } from './actions/cancel-order.js';
import { postMessage } from './actions/post-message.js';
import { setFreight } from './actions/set-freight.js';
import { messageInput, reasonInput, setFreightInput } from './order.inputs.js';
import { staffRolesFor } from './order.machine.js';
import { findOrderByNumber, type Order, queueCounts, queuePage } from './order.repo.js';
import { isOrderQueue } from './order.rules.js';
import type { OrderHooks } from './order-hooks.port.js';
import { orderListInput } from './order-list.inputs.js';
import { EXPORT_PAGE, listOrders } from './order-list.repo.js';
import { actorOf } from './order-page.parts.js';
import type { OrderPages } from './order-pages.port.js';
import { AllOrdersPage } from './views/all-orders-page.js';
import { QueuePage } from './views/queue-page.js';

const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');

/** Back office for orders: queues with counts and the staff order page with each role's actions. */
export async function staffOrderRoutes(
  app: FastifyInstance,
  {
    db,
    actions,
    pages,
    hooks,
  }: { db: Db; actions: ActionContext; pages: Pick<OrderPages, 'staff'>; hooks: OrderHooks },
) {
  const load = async (req: FastifyRequest<{ Params: { number: string } }>) => {
    requireStaff(req.user);
    const order = await findOrderByNumber(db, req.params.number);
    if (!order) throw notFound();
    return order;
  };
  const page = (
    req: FastifyRequest,
    reply: FastifyReply,
    order: Order,
    status = 200,
    forms: Record<string, FormState> = {},
  ) => pages.staff(req, reply, order, { status, forms });
  const done = (reply: FastifyReply, order: Order) => reply.code(303).redirect(`/admin/orders/${order.number}`);
  /** Field errors from an action (e.g. stale state) go back to the form; others propagate. */
  const formError = (err: unknown, body: unknown): FormState => {
    if (err instanceof AppError && err.fields) return { errors: err.fields as never, values: formValues(body) };
    throw err;
  };

  app.get('/admin/orders', async (req, reply) => {
    requireStaff(req.user);
    const q = String((req.query as { queue?: string }).queue ?? 'awaiting_quote');
    const queue = isOrderQueue(q) ? q : undefined;
    const now = new Date();
    const { counts, rows } = queue ? await queuePage(db, queue, now) : { counts: await queueCounts(db, now), rows: [] };
    return html(reply, queue ? 200 : 400).send(
      <QueuePage ctx={pageContext(req)} queue={queue} counts={counts} rows={rows} />,
    );
  });

  app.get('/admin/orders/all', async (req, reply) => {
    requireStaff(req.user);
    const form = parseForm(orderListInput, req.query);
    const [counts, methods] = await Promise.all([queueCounts(db, new Date()), listPaymentMethods(db, false)]);
    const unknownMethod =
      form.ok && form.data.payment !== undefined && !methods.some((m) => m.id === form.data.payment);
    const refused = !form.ok
      ? form
      : unknownMethod
        ? { errors: { payment: 'field.filterChoice' } as FieldErrors }
        : undefined;
    const page = form.ok && !refused ? await listOrders(db, form.data, new Date()) : undefined;
    return html(reply, refused ? 400 : 200).send(
      <AllOrdersPage
        ctx={pageContext(req)}
        counts={counts}
        methods={methods}
        values={formValues(req.query)}
        refused={refused && { ...refused, values: formValues(req.query) }}
        page={page}
        customerHref={(id) => `/admin/customers/${id}`}
      />,
    );
  });

  // The list's filters, every page of them (the list's own page cursors are ignored); same role as the list.
  app.get('/admin/orders/all.csv', async (req, reply) => {
    requireStaff(req.user);
    const form = parseForm(orderListInput, req.query);
    if (!form.ok) throw new AppError('BAD_REQUEST', { fields: form.errors });
    const { after: _a, before: _b, ...filters } = form.data;
    if (filters.payment && !(await listPaymentMethods(db, false)).some((m) => m.id === filters.payment))
      throw new AppError('BAD_REQUEST', { fields: { payment: 'field.filterChoice' } });
    const now = new Date();
    const header = ['number', 'status', 'buyer', 'email', 'country', 'shipping', 'goods_usd', 'total_usd', 'placed_at'];
    const body = csvStream(
      header,
      async (after: { micros: string; id: number } | undefined) => {
        const page = await listOrders(db, { ...filters, after }, now, EXPORT_PAGE);
        const [micros, id] = page.next?.split('-') ?? [];
        return { rows: page.rows, next: page.next ? { micros: micros!, id: Number(id) } : undefined };
      },
      (o) => [
        o.number,
        o.status,
        o.fullName,
        o.email,
        o.country,
        o.shippingMethod,
        decimalAmount(o.goodsCents),
        decimalAmount(o.totalCents),
        o.createdAt,
      ],
    );
    return sendCsv(reply, 'orders', body);
  });

  app.get<{ Params: { number: string } }>('/admin/orders/:number', async (req, reply) =>
    page(req, reply, await load(req)),
  );

  app.post<{ Params: { number: string } }>('/admin/orders/:number/freight', async (req, reply) => {
    const user = requireRole(req.user, ...staffRolesFor('setFreight'));
    const order = await load(req);
    const form = parseForm(setFreightInput, req.body);
    if (!form.ok) return page(req, reply, order, 422, { freight: form });
    const linePrices = new Map<number, number>();
    for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, string>)) {
      const m = /^price_(\d+)$/.exec(k);
      if (!m || !v.trim()) continue;
      const cents = parseUsdToCents(v);
      const refused = cents === undefined ? 'field.moneyInvalid' : overCap(cents, 'price');
      if (refused || cents === undefined)
        return page(req, reply, order, 422, {
          freight: { errors: { [k]: refused ?? 'field.moneyInvalid' }, values: formValues(req.body) },
        });
      linePrices.set(Number(m[1]), cents);
    }
    try {
      await setFreight(actions, order, actorOf(user), {
        freightCents: form.data.freight,
        validDays: form.data.validDays,
        note: form.data.note,
        linePrices,
      });
    } catch (err) {
      return page(req, reply, order, 422, { freight: formError(err, req.body) });
    }
    return done(reply, order);
  });

  app.post<{ Params: { number: string } }>('/admin/orders/:number/cancel', async (req, reply) => {
    const user = requireRole(req.user, ...staffRolesFor('cancelOrder'));
    const order = await load(req);
    const form = parseForm(reasonInput, req.body);
    if (!form.ok) return page(req, reply, order, 422, { cancel: form });
    await cancelOrder(actions, order, actorOf(user), 'cancelOrder', form.data.reason, hooks);
    return done(reply, order);
  });

  app.post<{ Params: { number: string } }>('/admin/orders/:number/messages', async (req, reply) => {
    const user = requireStaff(req.user);
    const order = await load(req);
    const form = parseForm(messageInput, req.body);
    if (form.ok) await postMessage(actions, order, user, form.data.body, form.data.internal);
    return done(reply, order);
  });
}
