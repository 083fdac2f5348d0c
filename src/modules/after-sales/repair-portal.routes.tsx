import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireUser } from '../../platform/auth/current-user.js';
import type { Db } from '../../platform/db/client.js';
import type { ActionContext } from '../../platform/effects.js';
import { notFound } from '../../platform/errors.js';
import { caseTopic, type EventBus } from '../../platform/events.js';
import { type FieldErrors, parseForm } from '../../platform/http/forms.js';
import { streamChanges } from '../../platform/http/live-stream.js';
import { discardMedia, readMediaUpload } from '../../platform/http/media-upload.js';
import { pageContext } from '../../platform/http/page-context.js';
import type { Storage } from '../../platform/storage.js';
import { ownApprovedCenters } from '../repair-centers/index.js';
import { advanceCase } from './actions/advance-case.js';
import { sendCaseFile } from './case.http.js';
import { diagnosisInput, noteInput } from './case.inputs.js';
import { type Case, findCaseFile, linesOfCases } from './case.repo.js';
import { CASE_FOLDER } from './case.routes.js';
import { centerActorOf, loadPortalCase } from './repair-portal.data.js';
import { centerCases, findCenterCase } from './repair-portal.repo.js';
import { PORTAL, PortalCasePage, PortalCasesPage, type PortalForms } from './views/repair-portal-pages.js';

const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');
type NumberParams = { Params: { number: string } };
/** The steps a center's owner takes from a plain form; the diagnosis has its own (photos). */
const portalEvent = z.enum(['receiveUnit', 'markRepaired', 'markUnrepairable']);

/**
 * The repair portal: the owner of an approved center works the cases routed to it. Every
 * route asks afresh which approved centers the user owns, so a withdrawn center or a case
 * taken back answers 404 from the next request on.
 */
export async function repairPortalRoutes(
  app: FastifyInstance,
  { db, storage, bus, actions }: { db: Db; storage: Storage; bus: EventBus; actions: ActionContext },
) {
  const centersOf = async (req: FastifyRequest) => {
    const user = requireUser(req.user);
    return { user, centers: await ownApprovedCenters(db, user.id) };
  };
  const routed = async (req: FastifyRequest<NumberParams>) => {
    const { user, centers } = await centersOf(req);
    const c = await findCenterCase(
      db,
      req.params.number,
      centers.map((x) => x.id),
    );
    return { user, c };
  };
  const page = async (req: FastifyRequest, reply: FastifyReply, c: Case, status = 200, forms: PortalForms = {}) => {
    const d = await loadPortalCase(db, c, centerActorOf(requireUser(req.user)));
    return html(reply, status).send(<PortalCasePage ctx={pageContext(req)} d={d} forms={forms} now={new Date()} />);
  };
  const done = (reply: FastifyReply, c: Case) => reply.code(303).redirect(`${PORTAL}/${c.number}`);

  app.get(PORTAL, async (req, reply) => {
    const { centers } = await centersOf(req);
    const rows = await centerCases(
      db,
      centers.map((c) => c.id),
    );
    const lines = await linesOfCases(
      db,
      rows.map((r) => r.id),
    );
    return html(reply).send(
      <PortalCasesPage ctx={pageContext(req)} rows={rows} lines={lines} centers={centers} now={new Date()} />,
    );
  });

  app.get<NumberParams>(`${PORTAL}/:number`, async (req, reply) => page(req, reply, (await routed(req)).c));

  app.get<NumberParams>(`${PORTAL}/:number/live`, async (req, reply) => {
    const { c } = await routed(req);
    streamChanges(req, reply, bus, caseTopic(c.number));
  });

  app.post<{ Params: { number: string; event: string } }>(`${PORTAL}/:number/events/:event`, async (req, reply) => {
    const { user, c } = await routed(req);
    const event = portalEvent.safeParse(req.params.event);
    if (!event.success) throw notFound();
    const form = parseForm(noteInput, req.body);
    if (!form.ok) return page(req, reply, c, 422, event.data === 'markUnrepairable' ? { unrepairable: form } : {});
    await advanceCase(actions, c, event.data, centerActorOf(user), { note: form.data.note });
    return done(reply, c);
  });

  app.post<NumberParams>(`${PORTAL}/:number/diagnosis`, async (req, reply) => {
    const { user, c } = await routed(req);
    const upload = await readMediaUpload(req, storage, { folder: CASE_FOLDER, fileFields: ['media'] });
    const form = parseForm(diagnosisInput, upload.fields);
    if (!form.ok || Object.keys(upload.errors).length) {
      await discardMedia(storage, upload.files);
      const errors: FieldErrors = { ...(form.ok ? {} : form.errors), ...upload.errors };
      return page(req, reply, c, 422, { diagnosis: { errors, values: upload.fields } });
    }
    await advanceCase(actions, c, 'diagnoseUnit', centerActorOf(user), {
      note: form.data.note,
      files: upload.files,
    }).catch(async (err) => {
      await discardMedia(storage, upload.files);
      throw err;
    });
    return done(reply, c);
  });

  // The buyer's photos and videos and the steps' own; never the thread with support. Previews only.
  app.get<{ Params: { number: string; id: string } }>(`${PORTAL}/:number/files/:id`, async (req, reply) => {
    const { c } = await routed(req);
    const id = Number(req.params.id);
    const file = Number.isInteger(id) ? await findCaseFile(db, c.id, id) : undefined;
    return sendCaseFile(req, reply, storage, c.number, file?.messageId === null ? file : undefined);
  });
}
