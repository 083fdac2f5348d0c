import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole, requireStaff, requireUser } from '../../platform/auth/current-user.js';
import type { Role } from '../../platform/auth/roles.js';
import type { Config } from '../../platform/config.js';
import { csvStream, decimalAmount, idPages } from '../../platform/csv.js';
import type { Db } from '../../platform/db/client.js';
import type { ActionContext } from '../../platform/effects.js';
import { AppError, notFound } from '../../platform/errors.js';
import { exportFilter } from '../../platform/http/export-filter.js';
import { type FieldErrors, parseForm } from '../../platform/http/forms.js';
import { readOneFileForm } from '../../platform/http/one-file-form.js';
import { pageContext } from '../../platform/http/page-context.js';
import { sendCsv } from '../../platform/http/send-csv.js';
import { sendPrivateFile } from '../../platform/http/send-private-file.js';
import type { Storage } from '../../platform/storage.js';
import { receiptPolicy } from '../../platform/upload-policy.js';
import { qrPng, renderProformaPdf } from '../invoices/index.js';
import { findCustomerOrder, findOrderByNumber, type Order, type OrderPages } from '../orders/index.js';
import { getSettings } from '../settings/index.js';
import { recordRefund } from './actions/record-refund.js';
import { buildCreditNoteModel } from './credit-note.model.js';
import { refundFields } from './refund.inputs.js';
import { countRefundsDue, findRefundPayment, refundsDue } from './refund.repo.js';
import { refundExportPage } from './refund-export.repo.js';
import { RefundsQueuePage } from './views/refunds-queue-page.js';

/** Who records refunds: finance (admin passes every role check). */
export const refundRoles: Role[] = ['finance'];

type NumberReq = FastifyRequest<{ Params: { number: string; id: string } }>;

const refundStatusFilter = exportFilter('status', ['due', 'settled']);

export async function refundRoutes(
  app: FastifyInstance,
  {
    db,
    storage,
    actions,
    pages,
    config,
  }: { db: Db; storage: Storage; actions: ActionContext; pages: Pick<OrderPages, 'staff'>; config: Config },
) {
  const staffOrder = async (req: NumberReq) => {
    requireStaff(req.user);
    const order = await findOrderByNumber(db, req.params.number);
    if (!order) throw notFound();
    return order;
  };
  // Another customer's order answers 404, as everywhere.
  const customerOrder = (req: NumberReq) => findCustomerOrder(db, req.params.number, requireUser(req.user).id);
  const partOf = async (order: Order, id: string) => {
    const found = Number.isInteger(Number(id)) ? await findRefundPayment(db, order.id, Number(id)) : undefined;
    if (!found) throw notFound();
    return found;
  };

  app.post<{ Params: { number: string } }>('/admin/orders/:number/refunds', async (req, reply) => {
    const user = requireRole(req.user, ...refundRoles);
    const order = await findOrderByNumber(db, req.params.number);
    if (!order) throw notFound();
    if (!req.isMultipart()) throw new AppError('VALIDATION');
    const { fields, bytes, tooLarge } = await readOneFileForm(req, receiptPolicy, 'proof');
    const form = parseForm(refundFields, fields);
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    if (tooLarge) errors.proof = receiptPolicy.messages.tooLarge;
    else if (bytes.length === 0) errors.proof = 'proof.required';
    const refused = (e: FieldErrors) =>
      pages.staff(req, reply, order, { status: 422, forms: { refund: { errors: e, values: fields } } });
    if (!form.ok || Object.keys(errors).length) return refused(errors);
    try {
      await recordRefund(actions, storage, order, user, { bytes, ...form.data });
    } catch (err) {
      if (err instanceof AppError && err.fields) return refused(err.fields as FieldErrors);
      throw err;
    }
    return reply.code(303).redirect(`/admin/orders/${order.number}#refund`);
  });

  const creditNote = async (req: NumberReq, reply: FastifyReply, order: Order) => {
    const { part, refund } = await partOf(order, req.params.id.replace(/\.pdf$/, ''));
    const model = buildCreditNoteModel(order, refund, part, await getSettings(db), req.i18n.locale, config.publicUrl);
    const body = await renderProformaPdf(model, { qrPng: await qrPng(model.verify.url) });
    return reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `inline; filename="${part.creditNoteNumber}.pdf"`)
      .type('application/pdf')
      .send(body);
  };
  app.get<{ Params: { number: string; id: string } }>('/orders/:number/credit-notes/:id', async (req, reply) =>
    creditNote(req, reply, await customerOrder(req)),
  );
  app.get<{ Params: { number: string; id: string } }>('/admin/orders/:number/credit-notes/:id', async (req, reply) =>
    creditNote(req, reply, await staffOrder(req)),
  );

  const proof = async (req: NumberReq, reply: FastifyReply, order: Order) => {
    const { part } = await partOf(order, req.params.id);
    return sendPrivateFile(req, reply, storage, {
      key: part.fileKey,
      type: part.mimeType,
      filename: `refund-${order.number}-${part.id}.${part.fileKey.split('.').pop()}`,
      inline: false,
    });
  };
  app.get<{ Params: { number: string; id: string } }>('/orders/:number/refunds/:id/proof', async (req, reply) =>
    proof(req, reply, await customerOrder(req)),
  );
  app.get<{ Params: { number: string; id: string } }>('/admin/orders/:number/refunds/:id/proof', async (req, reply) =>
    proof(req, reply, await staffOrder(req)),
  );

  // Finance, like the queue: every refund, due and settled.
  app.get('/admin/refunds.csv', async (req, reply) => {
    requireRole(req.user, ...refundRoles);
    const status = refundStatusFilter(req.query);
    const header = ['id', 'order', 'owed_usd', 'refunded_usd', 'method', 'created_at', 'settled_at'];
    const body = csvStream(
      header,
      idPages((after, n) => refundExportPage(db, status, after, n)),
      (r) => [
        r.id,
        r.order,
        decimalAmount(r.amountCents),
        decimalAmount(r.refundedCents),
        r.methodName,
        r.createdAt,
        r.settledAt,
      ],
    );
    return sendCsv(reply, 'refunds', body);
  });

  app.get('/admin/refunds', async (req, reply) => {
    requireRole(req.user, ...refundRoles);
    const [rows, count] = await Promise.all([refundsDue(db), countRefundsDue(db)]);
    return reply
      .type('text/html; charset=utf-8')
      .send(<RefundsQueuePage ctx={pageContext(req)} rows={rows} count={count} />);
  });
}
