import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../../platform/auth/current-user.js';
import { csvStream, idPages } from '../../platform/csv.js';
import type { Db } from '../../platform/db/client.js';
import type { ActionContext } from '../../platform/effects.js';
import { AppError, notFound } from '../../platform/errors.js';
import { exportFilter } from '../../platform/http/export-filter.js';
import { type FieldErrors, formValues, parseForm } from '../../platform/http/forms.js';
import { discardMedia, readMediaUpload } from '../../platform/http/media-upload.js';
import { pageContext } from '../../platform/http/page-context.js';
import { sendCsv } from '../../platform/http/send-csv.js';
import type { Storage } from '../../platform/storage.js';
import type { FormState } from '../../platform/views/form.js';
import { advanceCase, noteEvents } from './actions/advance-case.js';
import { decideCase } from './actions/decide-case.js';
import { postCaseMessage } from './actions/post-case-message.js';
import { shipReissue } from './actions/ship-reissue.js';
import { sendCaseFile } from './case.http.js';
import { caseMessageInput, decideRepairInput, noteInput, rejectCaseInput, shipReissueInput } from './case.inputs.js';
import { userRolesFor } from './case.machine.js';
import { type CaseQueue, caseQueues, isCaseQueue, openCaseStates } from './case.queue.js';
import {
  type Case,
  type CaseQueueFilter,
  findCaseByNumber,
  findCaseFile,
  queueCases,
  queueCounts,
} from './case.repo.js';
import { CASE_FOLDER } from './case.routes.js';
import { caseStates } from './case.states.js';
import { caseExportPage } from './case-export.repo.js';
import { caseActorOf, loadCasePage, loadStaffExtras } from './case-page.data.js';
import { CaseQueuePage } from './views/case-queue-page.js';
import { StaffCasePage } from './views/staff-case-pages.js';

/** The decision routes' kinds and the events they fire. */
const decideEvents = { reissue: 'decideReissue', repair: 'decideRepair', reject: 'rejectCase' } as const;
/** The note-only events staff fire from `…/events/:event` (the buyer's confirmation has its own route). */
const staffNoteEvent = z.enum(noteEvents).exclude(['confirmReissueReceived']);

const caseQueueFilter = exportFilter('queue', caseQueues);
/** What a queue lists: its states ("open" is every open state), or the open cases past their promise. */
const caseQueueOf = (queue: CaseQueue, now: Date): CaseQueueFilter =>
  queue === 'overdue' ? { overdueAt: now } : { states: queue === 'open' ? openCaseStates : [queue] };

const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');
type NumberParams = { Params: { number: string } };
type Forms = Parameters<typeof StaffCasePage>[0]['forms'];

/** Support's queue and case page; warehouse sees cases to ship their replacements. Decisions are support's. */
export async function staffCaseRoutes(
  app: FastifyInstance,
  { db, storage, actions }: { db: Db; storage: Storage; actions: ActionContext },
) {
  const viewer = (req: FastifyRequest) => requireRole(req.user, 'support', 'warehouse');
  const load = async (req: FastifyRequest<NumberParams>) => {
    viewer(req);
    const c = await findCaseByNumber(db, req.params.number);
    if (!c) throw notFound();
    return c;
  };
  const page = async (req: FastifyRequest, reply: FastifyReply, c: Case, status = 200, forms: Forms = {}) => {
    const d = await loadCasePage(db, c, viewer(req));
    const x = await loadStaffExtras(db, d);
    return html(reply, status).send(
      <StaffCasePage ctx={pageContext(req)} d={d} x={x} forms={forms} now={new Date()} />,
    );
  };
  /** After a change staff see the result (the action told the customer's open case page). */
  const done = (reply: FastifyReply, c: Case, hash = '') =>
    reply.code(303).redirect(`/admin/after-sales/${c.number}${hash}`);
  /** Field errors from an action go back to its form; others propagate. */
  const refused = (err: unknown, body: unknown): FormState => {
    if (err instanceof AppError && err.fields) return { errors: err.fields as FieldErrors, values: formValues(body) };
    throw err;
  };

  // Whoever sees the case queues: one queue's cases (the page's link), or every case.
  app.get('/admin/after-sales.csv', async (req, reply) => {
    viewer(req);
    const queue = caseQueueFilter(req.query);
    const now = new Date();
    const header = ['number', 'order', 'type', 'status', 'resolution', 'opened_at', 'closed_at'];
    const body = csvStream(
      header,
      idPages((after, n) => caseExportPage(db, queue && caseQueueOf(queue, now), after, n)),
      (c) => [c.number, c.order, c.type, c.status, c.resolution, c.createdAt, c.closedAt],
    );
    return sendCsv(reply, 'after-sales-cases', body);
  });

  app.get('/admin/after-sales', async (req, reply) => {
    viewer(req);
    const q = String((req.query as { queue?: string }).queue ?? 'open');
    const queue = isCaseQueue(q) ? q : undefined;
    const now = new Date();
    const [counts, rows] = await Promise.all([
      queueCounts(db, caseStates, now),
      queue ? queueCases(db, caseQueueOf(queue, now)) : [],
    ]);
    const open = openCaseStates.reduce((n, s) => n + counts.byState[s], 0);
    const all = Object.fromEntries(
      caseQueues.map((k) => [k, k === 'open' ? open : k === 'overdue' ? counts.overdue : counts.byState[k]]),
    );
    return html(reply, queue ? 200 : 400).send(
      <CaseQueuePage ctx={pageContext(req)} queue={queue} counts={all as never} rows={rows} now={now} />,
    );
  });

  app.get<NumberParams>('/admin/after-sales/:number', async (req, reply) => page(req, reply, await load(req)));

  app.post<{ Params: { number: string; kind: string } }>(
    '/admin/after-sales/:number/decide/:kind',
    async (req, reply) => {
      const kind = req.params.kind;
      const event = Object.hasOwn(decideEvents, kind)
        ? decideEvents[kind as keyof typeof decideEvents]
        : 'decideReissue';
      const user = requireRole(req.user, ...userRolesFor(event));
      const c = await load(req);
      const actor = caseActorOf(user);
      if (req.params.kind === 'reissue') {
        const form = parseForm(noteInput, req.body);
        await decideCase(actions, c, actor, { kind: 'reissue', note: form.ok ? form.data.note : '' });
      } else if (req.params.kind === 'repair') {
        const form = parseForm(decideRepairInput, req.body);
        if (!form.ok) return page(req, reply, c, 422, { repair: form });
        try {
          await decideCase(actions, c, actor, { kind: 'repair', ...form.data });
        } catch (err) {
          return page(req, reply, c, 422, { repair: refused(err, req.body) });
        }
      } else if (req.params.kind === 'reject') {
        const form = parseForm(rejectCaseInput, req.body);
        if (!form.ok) return page(req, reply, c, 422, { reject: form });
        await decideCase(actions, c, actor, { kind: 'reject', reason: form.data.reason });
      } else throw notFound();
      return done(reply, c);
    },
  );

  app.post<NumberParams>('/admin/after-sales/:number/ship', async (req, reply) => {
    const user = requireRole(req.user, ...userRolesFor('shipReissue'));
    const c = await load(req);
    const form = parseForm(shipReissueInput, req.body);
    if (!form.ok) return page(req, reply, c, 422, { ship: form });
    await shipReissue(actions, c, caseActorOf(user), form.data.carrier, form.data.tracking);
    return done(reply, c);
  });

  app.post<{ Params: { number: string; event: string } }>(
    '/admin/after-sales/:number/events/:event',
    async (req, reply) => {
      const parsed = staffNoteEvent.safeParse(req.params.event);
      // An unknown event asks for support, as the decisions do: the answer to a stranger stays 403.
      const user = requireRole(req.user, ...userRolesFor(parsed.success ? parsed.data : 'startReview'));
      const c = await load(req);
      if (!parsed.success) throw notFound();
      const event = parsed.data;
      const form = parseForm(noteInput, req.body);
      await advanceCase(actions, c, event, caseActorOf(user), { note: form.ok ? form.data.note : '' });
      return done(reply, c);
    },
  );

  app.post<NumberParams>('/admin/after-sales/:number/messages', async (req, reply) => {
    const user = viewer(req);
    const c = await load(req);
    const upload = await readMediaUpload(req, storage, { folder: CASE_FOLDER, fileFields: ['media'] });
    const form = parseForm(caseMessageInput, upload.fields);
    if (!form.ok || Object.keys(upload.errors).length) {
      await discardMedia(storage, upload.files);
      return page(req, reply, c, 422, { thread: { errors: { ...(form.ok ? {} : form.errors), ...upload.errors } } });
    }
    await postCaseMessage(actions, c, user, form.data.body, upload.files).catch(async (err) => {
      await discardMedia(storage, upload.files);
      throw err;
    });
    return done(reply, c, '#thread');
  });

  app.get<{ Params: { number: string; id: string } }>('/admin/after-sales/:number/files/:id', async (req, reply) => {
    const c = await load(req);
    const id = Number(req.params.id);
    const original = (req.query as { original?: string }).original === '1';
    return sendCaseFile(
      req,
      reply,
      storage,
      c.number,
      Number.isInteger(id) ? await findCaseFile(db, c.id, id) : undefined,
      original,
    );
  });
}
