import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../platform/auth/current-user.js';
import { csvStream, idPages } from '../../platform/csv.js';
import { notFound } from '../../platform/errors.js';
import { exportFilter } from '../../platform/http/export-filter.js';
import { parseForm } from '../../platform/http/forms.js';
import { pageContext } from '../../platform/http/page-context.js';
import { sendCsv } from '../../platform/http/send-csv.js';
import { formState } from '../../platform/views/form.js';
import { approveRepairCenter, rejectRepairCenter, withdrawRepairCenter } from './actions/review-repair-center.js';
import { html, idParam, type RepairCenterDeps } from './repair-center.http.js';
import { reviewForm, withdrawForm } from './repair-center.inputs.js';
import { findCenterForReview, reviewQueue } from './repair-center.repo.js';
import { statuses } from './repair-center.rules.js';
import { repairCenterExportPage } from './repair-center-export.repo.js';
import { ReviewPage, ReviewQueuePage } from './views/review-pages.js';

const centerStatusFilter = exportFilter('status', statuses);

/** Repair-center review: support staff (admin always passes). */
export async function repairCenterAdminRoutes(app: FastifyInstance, { db, config }: RepairCenterDeps) {
  app.get('/admin/repair-centers', async (req, reply) => {
    requireRole(req.user, 'support');
    return html(reply).send(<ReviewQueuePage ctx={pageContext(req)} rows={await reviewQueue(db)} now={new Date()} />);
  });

  app.get('/admin/repair-centers.csv', async (req, reply) => {
    requireRole(req.user, 'support');
    const status = centerStatusFilter(req.query);
    const header = ['id', 'name', 'status', 'country', 'city', 'email', 'phone', 'website'];
    const body = csvStream(
      header,
      idPages((after, n) => repairCenterExportPage(db, status, after, n)),
      (c) => [c.id, c.name, c.status, c.country, c.city, c.email, c.phone, c.website],
    );
    return sendCsv(reply, 'repair-centers', body);
  });

  app.get<{ Params: { id: string } }>('/admin/repair-centers/:id', async (req, reply) => {
    requireRole(req.user, 'support');
    const found = await findCenterForReview(db, idParam(req));
    if (!found) throw notFound();
    return html(reply).send(<ReviewPage ctx={pageContext(req)} c={found.center} ownerEmail={found.ownerEmail} />);
  });

  app.post<{ Params: { id: string } }>('/admin/repair-centers/:id/approve', async (req, reply) => {
    const reviewer = requireRole(req.user, 'support');
    const id = idParam(req);
    const form = parseForm(reviewForm, req.body);
    if (!form.ok) throw notFound();
    await approveRepairCenter(db, reviewer, id, form.data.revision, config.publicUrl);
    return reply.code(303).redirect('/admin/repair-centers');
  });

  app.post<{ Params: { id: string } }>('/admin/repair-centers/:id/reject', async (req, reply) => {
    const reviewer = requireRole(req.user, 'support');
    const id = idParam(req);
    const form = parseForm(reviewForm, req.body);
    if (form.ok && form.data.reason) {
      await rejectRepairCenter(db, reviewer, id, form.data.revision, form.data.reason, config.publicUrl);
      return reply.code(303).redirect('/admin/repair-centers');
    }
    const found = await findCenterForReview(db, id);
    if (!found) throw notFound();
    const state = formState(form) ?? { errors: { reason: 'field.reasonRequired' as const }, values: { reason: '' } };
    return html(reply, 422).send(
      <ReviewPage ctx={pageContext(req)} c={found.center} ownerEmail={found.ownerEmail} form={state} />,
    );
  });

  app.post<{ Params: { id: string } }>('/admin/repair-centers/:id/withdraw', async (req, reply) => {
    const reviewer = requireRole(req.user, 'support');
    const id = idParam(req);
    const form = parseForm(withdrawForm, req.body);
    if (form.ok) {
      await withdrawRepairCenter(db, reviewer, id, form.data.withdrawReason);
      return reply.code(303).redirect(`/admin/repair-centers/${id}`);
    }
    const found = await findCenterForReview(db, id);
    if (!found) throw notFound();
    return html(reply, 422).send(
      <ReviewPage ctx={pageContext(req)} c={found.center} ownerEmail={found.ownerEmail} withdraw={form} />,
    );
  });
}
