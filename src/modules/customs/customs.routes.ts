import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireStaff, requireUser } from '../../platform/auth/current-user.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { isLocale, type Locale } from '../../platform/i18n/index.js';
import { findCustomerOrder, findOrderByNumber, type Order, orderMachine } from '../orders/index.js';
import { type CustomsDocument, customsDocuments, customsPdf } from './customs.data.js';
import { parcelsOf } from './customs.repo.js';

type DocReq = FastifyRequest<{ Params: { number: string; doc: string }; Querystring: { lang?: unknown } }>;

/**
 * The commercial invoice and packing list of a shipment, in English or Spanish (`?lang=`,
 * else the reader's language): for the buyer once the goods have left, for staff from
 * packing on (once a parcel is recorded).
 */
export async function customsRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const docOf = (req: DocReq): CustomsDocument => {
    const name = req.params.doc.replace(/\.pdf$/, '') as CustomsDocument;
    if (!req.params.doc.endsWith('.pdf') || !customsDocuments.includes(name)) throw notFound();
    return name;
  };
  const localeOf = (req: DocReq): Locale =>
    typeof req.query.lang === 'string' && isLocale(req.query.lang) ? req.query.lang : req.i18n.locale;
  const send = async (req: DocReq, reply: FastifyReply, order: Order) => {
    const doc = docOf(req);
    if ((await parcelsOf(db, order.id)).length === 0) throw notFound();
    const { body, filename } = await customsPdf(db, order, doc, localeOf(req), config.publicUrl);
    return reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .type('application/pdf')
      .send(body);
  };

  app.get<{ Params: { number: string; doc: string }; Querystring: { lang?: unknown } }>(
    '/orders/:number/customs/:doc',
    async (req, reply) => {
      // Another customer's order answers 404 (findCustomerOrder), as for the order page.
      const order = await findCustomerOrder(db, req.params.number, requireUser(req.user).id);
      if (!orderMachine.is.shippedOrLater(order.status)) throw notFound();
      return send(req, reply, order);
    },
  );
  app.get<{ Params: { number: string; doc: string }; Querystring: { lang?: unknown } }>(
    '/admin/orders/:number/customs/:doc',
    async (req, reply) => {
      requireStaff(req.user);
      const order = await findOrderByNumber(db, req.params.number);
      if (!order || !orderMachine.is.paid(order.status)) throw notFound();
      return send(req, reply, order);
    },
  );
}
