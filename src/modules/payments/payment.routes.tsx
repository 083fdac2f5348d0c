import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole, requireStaff, requireUser } from '../../platform/auth/current-user.js';
import { csvStream, decimalAmount, idPages } from '../../platform/csv.js';
import type { Db } from '../../platform/db/client.js';
import type { ActionContext } from '../../platform/effects.js';
import { AppError, notFound } from '../../platform/errors.js';
import { exportFilter } from '../../platform/http/export-filter.js';
import { type FieldErrors, parseForm } from '../../platform/http/forms.js';
import { seeOther } from '../../platform/http/locale.js';
import { readOneFileForm } from '../../platform/http/one-file-form.js';
import { sendCsv } from '../../platform/http/send-csv.js';
import { sendPrivateFile } from '../../platform/http/send-private-file.js';
import type { Storage } from '../../platform/storage.js';
import { receiptPolicy } from '../../platform/upload-policy.js';
import type { FormState } from '../../platform/views/form.js';
import {
  actorOf,
  findCustomerOrder,
  findOrderByNumber,
  type Order,
  type OrderPages,
  staffRolesFor,
} from '../orders/index.js';
import { reviewPaymentProof } from './actions/review-payment-proof.js';
import { uploadPaymentProof } from './actions/upload-payment-proof.js';
import { proofFields, rejectInput } from './payment.inputs.js';
import { proofStatuses } from './payment.tables.js';
import { paymentExportPage } from './payment-export.repo.js';
import { findProof } from './payment-proof.repo.js';

const proofStatusFilter = exportFilter('status', proofStatuses);

export async function paymentRoutes(
  app: FastifyInstance,
  {
    db,
    storage,
    actions,
    pages,
  }: { db: Db; storage: Storage; actions: ActionContext; pages: Pick<OrderPages, 'customer'> },
) {
  // Finance reviews proofs: the export of every proof is theirs (admin passes every role).
  app.get('/admin/payments.csv', async (req, reply) => {
    requireRole(req.user, 'finance');
    const status = proofStatusFilter(req.query);
    const header = [
      'id',
      'order',
      'amount_usd',
      'reference',
      'paid_on',
      'status',
      'reject_reason',
      'same_file_as_order',
      'sha256',
      'uploaded_at',
      'reviewed_at',
    ];
    const body = csvStream(
      header,
      idPages((after, n) => paymentExportPage(db, status, after, n)),
      (p) => [
        p.id,
        p.order,
        decimalAmount(p.amountCents),
        p.reference,
        p.paidOn,
        p.status,
        p.rejectReason,
        p.duplicateOfOrder,
        p.sha256,
        p.createdAt,
        p.reviewedAt,
      ],
    );
    return sendCsv(reply, 'payments', body);
  });

  const rerender = (req: FastifyRequest, reply: FastifyReply, order: Order, proofForm: FormState) =>
    pages.customer(req, reply, order, { status: 422, forms: { proof: proofForm } });

  app.post<{ Params: { number: string } }>('/orders/:number/proofs', async (req, reply) => {
    const user = requireUser(req.user);
    const order = await findCustomerOrder(db, req.params.number, user.id);
    if (!req.isMultipart()) throw new AppError('VALIDATION');
    const { fields, bytes, tooLarge } = await readOneFileForm(req, receiptPolicy, 'proof');
    const form = parseForm(proofFields, fields);
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    if (tooLarge) errors.proof = receiptPolicy.messages.tooLarge;
    else if (bytes.length === 0) errors.proof = 'proof.required';
    if (!form.ok || Object.keys(errors).length) return rerender(req, reply, order, { errors, values: fields });
    try {
      await uploadPaymentProof(actions, storage, order, user, { bytes, ...form.data });
    } catch (err) {
      if (err instanceof AppError && err.fields)
        return rerender(req, reply, order, { errors: err.fields as FieldErrors, values: fields });
      throw err;
    }
    return seeOther(req, reply, `/orders/${order.number}`);
  });

  /** Proof files: only to the order's owner and staff, by proof id within the order, never by storage path. */
  const sendProof = async (
    req: FastifyRequest,
    reply: FastifyReply,
    order: Order,
    proofId: string,
    inline: boolean,
  ) => {
    const proof = Number.isInteger(Number(proofId)) ? await findProof(db, order.id, Number(proofId)) : undefined;
    if (!proof) throw notFound();
    return sendPrivateFile(req, reply, storage, {
      key: proof.fileKey,
      type: proof.mimeType,
      filename: `proof-${order.number}-${proof.id}.${proof.fileKey.split('.').pop()}`,
      // Staff view image proofs in the browser; the sandbox CSP and nosniff keep them inert.
      inline: inline && proof.mimeType.startsWith('image/'),
    });
  };

  app.get<{ Params: { number: string; id: string } }>('/orders/:number/proofs/:id', async (req, reply) => {
    const order = await findCustomerOrder(db, req.params.number, requireUser(req.user).id);
    return sendProof(req, reply, order, req.params.id, false);
  });

  app.get<{ Params: { number: string; id: string } }>('/admin/orders/:number/proofs/:id', async (req, reply) => {
    requireStaff(req.user);
    const order = await findOrderByNumber(db, req.params.number);
    if (!order) throw notFound();
    return sendProof(req, reply, order, req.params.id, (req.query as { inline?: string }).inline === '1');
  });

  app.post<{ Params: { number: string; id: string; decision: string } }>(
    '/admin/orders/:number/proofs/:id/:decision',
    async (req, reply) => {
      const event = req.params.decision === 'approve' ? 'approvePayment' : 'rejectPayment';
      const user = requireRole(req.user, ...staffRolesFor(event));
      const order = await findOrderByNumber(db, req.params.number);
      if (!order || !['approve', 'reject'].includes(req.params.decision)) throw notFound();
      const id = Number(req.params.id);
      if (req.params.decision === 'approve') {
        await reviewPaymentProof(actions, order, id, actorOf(user), { approve: true });
      } else {
        const form = parseForm(rejectInput, req.body);
        if (!form.ok) throw new AppError('VALIDATION', { fields: form.errors });
        await reviewPaymentProof(actions, order, id, actorOf(user), { approve: false, reason: form.data.reason });
      }
      return seeOther(req, reply, `/admin/orders/${order.number}`);
    },
  );
}
