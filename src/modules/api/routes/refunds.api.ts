import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/client.js';
import type { ActionContext } from '../../../platform/effects.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { parseForm } from '../../../platform/http/forms.js';
import { centsToUsdInput } from '../../../platform/money.js';
import type { Storage } from '../../../platform/storage.js';
import { largestUpload, receiptPolicy } from '../../../platform/upload-policy.js';
import { findOrderByNumber } from '../../orders/index.js';
import { listRefunds, recordRefund, refundFields, refundRoles } from '../../refunds/index.js';
import { staffActor } from '../api-caller.js';
import { idempotent } from '../idempotency.js';
import { orderNumberParams } from './order.schemas.js';
import { problems } from './responses.js';

const at = z.iso.datetime({ offset: true });
const cents = z.int().min(0).describe('US cents');
const id = z.coerce.number().int().positive().max(2_147_483_647);
/** Base64 of the largest receipt the page accepts (the proof's bytes, checked by content, not by name). */
const MAX_PROOF_BASE64 = Math.ceil(largestUpload(receiptPolicy) / 3) * 4;

const refundSummary = z
  .object({
    id: z.int(),
    orderNumber: z.string(),
    fullName: z.string(),
    methodName: z.string().describe('The money goes back the way it came'),
    amountCents: cents.describe('Owed: what was received when the order was cancelled'),
    refundedCents: cents,
    createdAt: at,
    settledAt: at.nullable(),
  })
  .meta({ id: 'Refund' });

const refundRecordBody = z.strictObject({
  amountCents: z.int().positive().max(10_000_000_000).describe('US cents; at most what is still owed'),
  reference: z.string().min(3).max(200).describe('The transfer’s reference or hash'),
  refundedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  toAccount: z.string().min(3).max(300).describe('The account or wallet the money went to'),
  proofBase64: z.base64().max(MAX_PROOF_BASE64).describe('The transfer receipt (image or PDF, up to 10 MB), base64'),
});

const refundRecorded = z
  .object({
    id: z.int(),
    amountCents: cents,
    reference: z.string(),
    refundedOn: z.string(),
    toAccount: z.string(),
    creditNoteNumber: z.string(),
    createdAt: at,
  })
  .meta({ id: 'RefundPayment' });

/** Refunds owed after a paid order's cancellation (finance): the list, and recording a transfer back. */
export async function refundApi(
  base: FastifyInstance,
  { db, actions, storage }: { db: Db; actions: ActionContext; storage: Storage },
) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['refunds'];

  app.get(
    '/refunds',
    {
      schema: {
        tags,
        summary: 'List refunds (finance)',
        description:
          'Newest first, 50 a page; `status=due` is the back office’s refunds queue. Follow `next` as `after`.',
        querystring: z.strictObject({ status: z.enum(['due', 'settled']).optional(), after: id.optional() }),
        response: {
          200: z.object({ items: z.array(refundSummary), next: z.string().optional() }),
          ...problems(400, 401, 403, 429),
        },
      },
    },
    async (req) => {
      staffActor(req, refundRoles);
      const page = await listRefunds(db, req.query);
      return {
        items: page.rows.map(({ refund: r, number, fullName }) => ({
          id: r.id,
          orderNumber: number,
          fullName,
          methodName: r.methodName,
          amountCents: r.amountCents,
          refundedCents: r.refundedCents,
          createdAt: r.createdAt.toISOString(),
          settledAt: r.settledAt?.toISOString() ?? null,
        })),
        next: page.next === undefined ? undefined : String(page.next),
      };
    },
  );

  app.post(
    '/orders/:number/refunds',
    {
      bodyLimit: MAX_PROOF_BASE64 + 64 * 1024,
      schema: {
        tags,
        summary: 'Record a refund (finance)',
        description:
          'One transfer back to the buyer, with its receipt; issues a credit note and tells the buyer. More than is still owed is refused (422).',
        params: orderNumberParams,
        body: refundRecordBody,
        response: { 201: refundRecorded, ...problems(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const user = staffActor(req, refundRoles);
      const order = await findOrderByNumber(db, req.params.number);
      if (!order) throw notFound();
      await idempotent(db, req, reply, async () => {
        const { proofBase64, amountCents, ...rest } = req.body;
        // The page's rules for the fields (the date's window, the amount's cap), then its action.
        const form = parseForm(refundFields, { ...rest, amount: centsToUsdInput(amountCents) });
        if (!form.ok) throw new AppError('VALIDATION', { fields: form.errors });
        const part = await recordRefund(actions, storage, order, user, {
          ...form.data,
          bytes: Buffer.from(proofBase64, 'base64'),
        });
        return {
          status: 201,
          body: {
            id: part.id,
            amountCents: part.amountCents,
            reference: part.reference,
            refundedOn: part.refundedOn,
            toAccount: part.toAccount,
            creditNoteNumber: part.creditNoteNumber,
            createdAt: part.createdAt.toISOString(),
          },
        };
      });
    },
  );
}
