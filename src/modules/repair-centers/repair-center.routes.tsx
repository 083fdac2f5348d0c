import type { FastifyInstance } from 'fastify';
import { requireUser } from '../../platform/auth/current-user.js';
import { hasRole } from '../../platform/auth/roles.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type FieldErrors, formValues, parseForm } from '../../platform/http/forms.js';
import { seeOther } from '../../platform/http/locale.js';
import { pageContext } from '../../platform/http/page-context.js';
import { editRepairCenter, submitRepairCenter } from './actions/submit-repair-center.js';
import { html, idParam, type RepairCenterDeps } from './repair-center.http.js';
import { repairCenterForm } from './repair-center.inputs.js';
import { type MultipartForm, readMultipartForm } from './repair-center.multipart.js';
import { findOwnCenter, listOwnCenters, photoAccess } from './repair-center.repo.js';
import { repairCenterAdminRoutes } from './repair-center-admin.routes.js';
import { repairDirectoryRoutes } from './repair-directory.routes.js';
import type { RepairFormState } from './views/center-form.js';
import { NewCenterPage, OwnCenterPage, OwnCentersPage } from './views/own-pages.js';

/** Runs the save; on bad input returns what the form needs to show the errors and keep what was typed. */
async function save(
  mp: MultipartForm,
  run: (data: ReturnType<typeof repairCenterForm.parse>) => Promise<{ id: number }>,
) {
  const parsed = parseForm(repairCenterForm, mp.fields);
  let errors: FieldErrors = parsed.ok ? {} : parsed.errors;
  if (mp.photoError) errors.photos = mp.photoError;
  if (parsed.ok && !mp.photoError) {
    try {
      return { id: (await run(parsed.data)).id };
    } catch (err) {
      if (!(err instanceof AppError && err.fields)) throw err;
      errors = err.fields as FieldErrors;
    }
  }
  const services = mp.fields.services;
  const state: RepairFormState = {
    errors,
    values: formValues(mp.fields),
    services: services === undefined ? [] : [services].flat(),
  };
  return { state };
}

const photoName = /^[A-Za-z0-9_-]{22}\.(jpg|png|webp)$/;
const photoType = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;

/** "Repair Center" (the owner's pages), center photos, and the review and public directory plugins. */
export async function repairCenterRoutes(app: FastifyInstance, deps: RepairCenterDeps) {
  const { db, storage } = deps;
  await app.register(repairCenterAdminRoutes, deps);
  await app.register(repairDirectoryRoutes, deps);

  app.get('/repair-centers', async (req, reply) => {
    const user = requireUser(req.user);
    return html(reply).send(<OwnCentersPage ctx={pageContext(req)} centers={await listOwnCenters(db, user.id)} />);
  });

  app.get('/repair-centers/new', async (req, reply) => {
    requireUser(req.user);
    return html(reply).send(<NewCenterPage ctx={pageContext(req)} />);
  });

  app.post('/repair-centers', async (req, reply) => {
    const user = requireUser(req.user);
    const mp = await readMultipartForm(req);
    const result = await save(mp, (data) => submitRepairCenter(db, storage, user.id, data, mp.photos));
    if ('id' in result) return seeOther(req, reply, `/repair-centers/${result.id}`);
    return html(reply, 422).send(<NewCenterPage ctx={pageContext(req)} form={result.state} />);
  });

  app.get<{ Params: { id: string } }>('/repair-centers/:id', async (req, reply) => {
    const user = requireUser(req.user);
    const c = await findOwnCenter(db, idParam(req), user.id);
    if (!c) throw notFound();
    return html(reply).send(<OwnCenterPage ctx={pageContext(req)} c={c} />);
  });

  app.post<{ Params: { id: string } }>('/repair-centers/:id', async (req, reply) => {
    const user = requireUser(req.user);
    const id = idParam(req);
    // Another user's center answers 404 before its form is even read.
    if (!(await findOwnCenter(db, id, user.id))) throw notFound();
    const mp = await readMultipartForm(req);
    const result = await save(mp, (data) => editRepairCenter(db, storage, user.id, id, data, mp.photos));
    if ('id' in result) return seeOther(req, reply, `/repair-centers/${id}`);
    const c = await findOwnCenter(db, id, user.id);
    if (!c) throw notFound();
    return html(reply, 422).send(<OwnCenterPage ctx={pageContext(req)} c={c} form={result.state} />);
  });

  // Photos of an approved version are public; others only for their owner and support staff.
  app.get<{ Params: { name: string } }>('/repair-center-photos/:name', async (req, reply) => {
    const match = photoName.exec(req.params.name);
    if (!match) throw notFound();
    const key = `repair-centers/${req.params.name}`;
    const access = await photoAccess(db, key);
    const u = req.user;
    const allowed = access && (access.isPublic || (u && (u.id === access.ownerId || hasRole(u.role, 'support'))));
    if (!allowed || !(await storage.exists(key))) throw notFound();
    return reply
      .type(photoType[match[1] as keyof typeof photoType])
      .header('cache-control', access.isPublic ? 'public, max-age=86400' : 'private, no-store')
      .send(storage.open(key));
  });
}
