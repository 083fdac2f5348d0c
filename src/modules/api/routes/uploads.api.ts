import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/client.js';
import type { ActionContext } from '../../../platform/effects.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { discardMedia, readMediaUpload } from '../../../platform/http/media-upload.js';
import { readOneFileForm } from '../../../platform/http/one-file-form.js';
import { moneyCaps } from '../../../platform/money.js';
import type { Storage } from '../../../platform/storage.js';
import { receiptPolicy } from '../../../platform/upload-policy.js';
import { orderMachine } from '../../orders/index.js';
import { addPackingFiles, findParcel, PACKING_FOLDER, packingRoles } from '../../packing/index.js';
import { proofDetails, uploadPaymentProof } from '../../payments/index.js';
import { buyerOf, staffActor } from '../api-caller.js';
import { idempotent } from '../idempotency.js';
import { multipartOperation, multipartValidator, refuseFiles, uploadFields } from './multipart.js';
import { orderDetail, orderNumberParams } from './order.schemas.js';
import { freshOrder, loadOrder } from './order-detail.js';
import { packingRecordOf } from './packing.api.js';
import { packingFilesBody, packingFilesFields, packingRecord, parcelParams } from './packing.schemas.js';
import { problems } from './responses.js';

/** The proof form's fields, JSON-shaped: the amount in cents, the reference and date by the form's own rules. */
const proofUploadFields = z.strictObject({
  amountCents: z.coerce
    .number()
    .int()
    .positive()
    .max(moneyCaps.payment.cents, { message: moneyCaps.payment.message })
    .describe('US cents'),
  ...proofDetails,
});
const proofUploadBody = proofUploadFields
  .extend({ proof: z.file().describe('The receipt: JPEG, PNG, WebP or PDF, at most 10 MB') })
  .meta({ id: 'PaymentProofUpload' });

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The two uploads: the buyer's payment proof (their session; the proof form's upload policy,
 * duplicate flagging and moving the order to review, all in `uploadPaymentProof`), and the
 * warehouse's packing photos and videos (streamed to storage under the evidence policy).
 * `Idempotency-Key` covers the fields and each file's SHA-256.
 */
export async function uploadApi(
  base: FastifyInstance,
  { db, actions, storage }: { db: Db; actions: ActionContext; storage: Storage },
) {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/orders/:number/proofs',
    {
      validatorCompiler: multipartValidator,
      schema: {
        tags: ['payments'],
        summary: 'Upload a payment proof (the order’s buyer)',
        description:
          'multipart/form-data with the buyer’s session. 201 with the order in review; the same file again on this order is the same proof (200). A file already used on another order is flagged to finance.',
        ...multipartOperation,
        params: orderNumberParams,
        body: proofUploadBody,
        response: { 200: orderDetail, 201: orderDetail, ...problems(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const buyer = buyerOf(req);
      if (!buyer) throw new AppError('FORBIDDEN');
      const order = await loadOrder(db, req.params.number, { staff: false, actors: [buyer] });
      if (!req.isMultipart()) throw new AppError('BAD_REQUEST', { detail: 'multipart/form-data expected' });
      const { fields, bytes, tooLarge } = await readOneFileForm(req, receiptPolicy, 'proof');
      const input = uploadFields(proofUploadFields, fields);
      refuseFiles(
        tooLarge ? { proof: receiptPolicy.messages.tooLarge } : bytes.length === 0 ? { proof: 'proof.required' } : {},
      );
      await idempotent(
        db,
        req,
        reply,
        async () => {
          const { duplicateUpload } = await uploadPaymentProof(actions, storage, order, buyer, { bytes, ...input });
          return { status: duplicateUpload ? 200 : 201, body: await freshOrder(db, order.number, req) };
        },
        { ...fields, proof: sha256(bytes) },
      );
    },
  );

  app.post(
    '/orders/:number/packing/parcels/:parcelId/files',
    {
      validatorCompiler: multipartValidator,
      schema: {
        tags: ['packing'],
        summary: 'Add photos and videos to a parcel (warehouse)',
        description: 'multipart/form-data, field `files` (up to 10). Answers the packing record.',
        ...multipartOperation,
        params: parcelParams,
        body: packingFilesBody,
        response: { 201: packingRecord, ...problems(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (req, reply) => {
      const user = staffActor(req, packingRoles);
      const order = await loadOrder(db, req.params.number, { staff: true, actors: [user] });
      // Refused before a body that may be a gigabyte is read, as on the page.
      if (!orderMachine.is.paid(order.status)) throw new AppError('CONFLICT', { detail: 'packing.closed' });
      if (!(await findParcel(db, order.id, req.params.parcelId))) throw notFound();
      if (!req.isMultipart()) throw new AppError('BAD_REQUEST', { detail: 'multipart/form-data expected' });
      const upload = await readMediaUpload(req, storage, { folder: PACKING_FOLDER, fileFields: ['files'] });
      let recorded = false;
      try {
        const input = uploadFields(packingFilesFields, upload.fields);
        refuseFiles(upload.errors);
        await idempotent(
          db,
          req,
          reply,
          async () => {
            recorded = true;
            await addPackingFiles(actions, storage, order, user, {
              parcelId: req.params.parcelId,
              ...input,
              files: upload.files,
            });
            return { status: 201, body: await packingRecordOf(db, order) };
          },
          { ...upload.fields, files: upload.files.map((f) => f.sha256) },
        );
      } finally {
        // A refusal or a replayed request keeps nothing it streamed (the action cleans up after itself).
        if (!recorded) await discardMedia(storage, upload.files);
      }
    },
  );
}
