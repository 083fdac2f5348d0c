import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type CurrentUser, requireRole, requireStaff, requireUser } from '../../platform/auth/current-user.js';
import { isStaff } from '../../platform/auth/roles.js';
import type { Db } from '../../platform/db/client.js';
import type { ActionContext } from '../../platform/effects.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type FieldErrors, formValues, parseForm } from '../../platform/http/forms.js';
import { readMediaUpload } from '../../platform/http/media-upload.js';
import { sendPrivateFile } from '../../platform/http/send-private-file.js';
import type { Storage } from '../../platform/storage.js';
import {
  actorOf,
  findCustomerOrder,
  findOrderByNumber,
  type Order,
  type OrderPages,
  orderMachine,
  staffRolesFor,
} from '../orders/index.js';
import { getSettings } from '../settings/index.js';
import { addPackingFiles } from './actions/add-packing-files.js';
import { addParcel } from './actions/add-parcel.js';
import { markShipped } from './actions/mark-shipped.js';
import { recordUnit } from './actions/record-unit.js';
import { mediaInput, parcelInput, shipInput, unitInput } from './packing.inputs.js';
import { findPackingFile, findParcel, PACKING_FOLDER, type PackingFile } from './packing.repo.js';
import { evidenceVisibleToBuyer, packingRoles, packingSlipRoles } from './packing.rules.js';
import { loadPackingSlip } from './packing-slip.data.js';
import { buildPackingSlipModel } from './packing-slip.model.js';
import { renderPackingSlipPdf } from './packing-slip-pdf.js';
import { packingForms } from './views/packing-section.js';

type Req = FastifyRequest<{ Params: { number: string; parcelId?: string; id?: string } }>;

/** Warehouse records packing evidence and ships; staff and (once shipped) the buyer view its files. */
export async function packingRoutes(
  app: FastifyInstance,
  {
    db,
    storage,
    actions,
    pages,
  }: { db: Db; storage: Storage; actions: ActionContext; pages: Pick<OrderPages, 'staff'> },
) {
  const load = async (req: Req) => {
    const user = requireRole(req.user, ...packingRoles);
    const order = await findOrderByNumber(db, req.params.number);
    if (!order) throw notFound();
    return { user, order };
  };
  /** Refused input goes back to its form on the order page, with what was typed. */
  const refused = async (
    req: Req,
    reply: FastifyReply,
    order: Order,
    form: string,
    errors: FieldErrors,
    values: Record<string, string>,
  ) => pages.staff(req, reply, order, { status: 422, forms: { [form]: { errors, values } } });
  const run = async (
    req: Req,
    reply: FastifyReply,
    order: Order,
    form: string,
    values: Record<string, string>,
    action: () => Promise<unknown>,
    then = `/admin/orders/${order.number}#packing`,
  ) => {
    try {
      await action();
    } catch (err) {
      if (err instanceof AppError && err.fields)
        return refused(req, reply, order, form, err.fields as FieldErrors, values);
      throw err;
    }
    return reply.code(303).redirect(then);
  };

  app.post<{ Params: { number: string } }>('/admin/orders/:number/packing/parcels', async (req, reply) => {
    const { user, order } = await load(req);
    const form = parseForm(parcelInput, req.body);
    if (!form.ok) return refused(req, reply, order, packingForms.parcel, form.errors, form.values);
    return run(req, reply, order, packingForms.parcel, formValues(req.body), () =>
      addParcel(actions, order, user, form.data),
    );
  });

  app.post<{ Params: { number: string; parcelId: string } }>(
    '/admin/orders/:number/packing/parcels/:parcelId/files',
    async (req, reply) => {
      const { user, order } = await load(req);
      const parcelId = Number(req.params.parcelId);
      // Refuse before reading a body that may be a gigabyte.
      if (!Number.isInteger(parcelId) || !(await findParcel(db, order.id, parcelId))) throw notFound();
      const name = packingForms.media(parcelId);
      if (!orderMachine.is.paid(order.status)) throw new AppError('CONFLICT', { detail: 'packing.closed' });
      const upload = await readMediaUpload(req, storage, { folder: PACKING_FOLDER, fileFields: ['files'] });
      const form = parseForm(mediaInput, upload.fields);
      if (!form.ok || Object.keys(upload.errors).length) {
        return refused(req, reply, order, name, { ...(form.ok ? {} : form.errors), ...upload.errors }, upload.fields);
      }
      return run(req, reply, order, name, upload.fields, () =>
        addPackingFiles(actions, storage, order, user, { parcelId, files: upload.files, reason: form.data.reason }),
      );
    },
  );

  app.post<{ Params: { number: string } }>('/admin/orders/:number/packing/units', async (req, reply) => {
    const { user, order } = await load(req);
    const form = parseForm(unitInput, req.body);
    if (!form.ok) return refused(req, reply, order, packingForms.unit, form.errors, form.values);
    return run(req, reply, order, packingForms.unit, formValues(req.body), () =>
      recordUnit(actions, order, user, form.data),
    );
  });

  app.post<{ Params: { number: string } }>('/admin/orders/:number/ship', async (req, reply) => {
    const user = requireRole(req.user, ...staffRolesFor('markShipped'));
    const order = await findOrderByNumber(db, req.params.number);
    if (!order) throw notFound();
    const form = parseForm(shipInput, req.body);
    if (!form.ok) return refused(req, reply, order, 'ship', form.errors, form.values);
    return run(
      req,
      reply,
      order,
      'ship',
      formValues(req.body),
      () => markShipped(actions, order, actorOf(user), form.data.carrier, form.data.tracking),
      `/admin/orders/${order.number}`,
    );
  });

  /**
   * The packing slip (PDF, no prices) for the warehouse and sales, in the staff member's
   * language, once the order is paid. A buyer gets 404: the back office is not theirs to map.
   */
  app.get<{ Params: { number: string } }>('/admin/orders/:number/packing-slip.pdf', async (req, reply) => {
    if (!isStaff(requireUser(req.user).role)) throw notFound();
    requireRole(req.user, ...packingSlipRoles);
    const order = await findOrderByNumber(db, req.params.number);
    if (!order || !orderMachine.is.paid(order.status)) throw notFound();
    const [slip, settings] = await Promise.all([loadPackingSlip(db, order), getSettings(db)]);
    const body = await renderPackingSlipPdf(buildPackingSlipModel(slip, req.i18n.locale, settings.sellerName));
    return reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `inline; filename="packing-slip-${order.number}.pdf"`)
      .type('application/pdf')
      .send(body);
  });

  /**
   * Files by id within the order, never by storage path. Originals go out as
   * attachments (a <video> still plays them); only re-encoded previews are inline.
   */
  const send = async (
    req: FastifyRequest,
    reply: FastifyReply,
    order: Order,
    fileId: string | undefined,
    variant: 'original' | 'preview',
    viewer: CurrentUser,
  ) => {
    const file: PackingFile | undefined = Number.isInteger(Number(fileId))
      ? await findPackingFile(db, order.id, Number(fileId))
      : undefined;
    // Buyers never receive a photo as uploaded (metadata, hidden payloads): only its preview.
    const buyerPhotoOriginal = viewer.role === 'customer' && file?.kind === 'photo' && variant === 'original';
    const key = variant === 'preview' ? file?.previewKey : file?.fileKey;
    if (!file || !key || buyerPhotoOriginal) throw notFound();
    const inline = variant === 'preview';
    return sendPrivateFile(req, reply, storage, {
      key,
      type: inline ? 'image/webp' : file.mimeType,
      filename: `packing-${order.number}-${file.id}.${key.split('.').pop()}`,
      inline,
    });
  };

  for (const variant of ['original', 'preview'] as const) {
    const suffix = variant === 'preview' ? '/preview' : '';
    app.get<{ Params: { number: string; id: string } }>(
      `/admin/orders/:number/packing/files/:id${suffix}`,
      async (req, reply) => {
        const viewer = requireStaff(req.user);
        const order = await findOrderByNumber(db, req.params.number);
        if (!order) throw notFound();
        return send(req, reply, order, req.params.id, variant, viewer);
      },
    );
    app.get<{ Params: { number: string; id: string } }>(
      `/orders/:number/packing/files/:id${suffix}`,
      async (req, reply) => {
        const viewer = requireUser(req.user);
        const order = await findCustomerOrder(db, req.params.number, viewer.id);
        if (!evidenceVisibleToBuyer(order.status)) throw notFound();
        return send(req, reply, order, req.params.id, variant, { ...viewer, role: 'customer' });
      },
    );
  }
}
