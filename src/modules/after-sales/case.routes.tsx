import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireUser } from '../../platform/auth/current-user.js';
import type { Db } from '../../platform/db/client.js';
import type { ActionContext } from '../../platform/effects.js';
import { AppError, notFound } from '../../platform/errors.js';
import { caseTopic, type EventBus } from '../../platform/events.js';
import { type FieldErrors, parseForm } from '../../platform/http/forms.js';
import { streamChanges } from '../../platform/http/live-stream.js';
import { seeOther } from '../../platform/http/locale.js';
import { discardMedia, readMediaUpload } from '../../platform/http/media-upload.js';
import { pageContext } from '../../platform/http/page-context.js';
import type { Storage } from '../../platform/storage.js';
import type { FormState } from '../../platform/views/form.js';
import { findCustomerOrder, type Order } from '../orders/index.js';
import { advanceCase } from './actions/advance-case.js';
import { postCaseMessage } from './actions/post-case-message.js';
import { submitCase } from './actions/submit-case.js';
import { sendCaseFile } from './case.http.js';
import { caseFormInput, caseMessageInput, parseClaimLines } from './case.inputs.js';
import { claimableLines, customerCases, findCaseFile, findCustomerCase } from './case.repo.js';
import { caseActorOf, loadCasePage } from './case-page.data.js';
import { CaseFormPage } from './views/case-form.js';
import { CustomerCasePage, MyCasesPage } from './views/customer-case-pages.js';

const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');
export const CASE_FOLDER = 'after-sales';
type NumberParams = { Params: { number: string } };

/** The customer's side: the case form on a completed order, "After-sales", case pages, thread and files. */
export async function caseRoutes(
  app: FastifyInstance,
  { db, storage, bus, actions }: { db: Db; storage: Storage; bus: EventBus; actions: ActionContext },
) {
  const ownCase = (req: FastifyRequest<NumberParams>) =>
    findCustomerCase(db, req.params.number, requireUser(req.user).id);

  const formPage = async (req: FastifyRequest, reply: FastifyReply, order: Order, status: number, form?: FormState) => {
    const lines = await claimableLines(db, order.id);
    const notYet: FormState | undefined =
      order.status === 'completed' ? undefined : { errors: { _form: 'case.orderNotCompleted' } };
    const token = randomBytes(18).toString('base64url');
    const page = (
      <CaseFormPage
        ctx={pageContext(req)}
        order={order}
        lines={lines}
        token={token}
        form={form ?? notYet}
        now={new Date()}
      />
    );
    return html(reply, status).send(page);
  };

  app.get<NumberParams>('/orders/:number/after-sales/new', async (req, reply) => {
    const order = await findCustomerOrder(db, req.params.number, requireUser(req.user).id);
    return formPage(req, reply, order, 200);
  });

  app.post<NumberParams>('/orders/:number/after-sales', async (req, reply) => {
    const user = requireUser(req.user);
    const order = await findCustomerOrder(db, req.params.number, user.id);
    const upload = await readMediaUpload(req, storage, { folder: CASE_FOLDER, fileFields: ['media'] });
    const lines = await claimableLines(db, order.id);
    const form = parseForm(caseFormInput, upload.fields);
    const claim = parseClaimLines(upload.fields, lines);
    const errors: FieldErrors = { ...(form.ok ? {} : form.errors), ...claim.errors, ...upload.errors };
    try {
      if (!form.ok || Object.keys(errors).length) throw new AppError('VALIDATION', { fields: errors });
      const { number, created } = await submitCase(db, user, {
        order,
        lines,
        input: form.data,
        claimed: claim.claimed,
        files: upload.files,
      });
      if (!created) await discardMedia(storage, upload.files);
      return seeOther(req, reply, `/after-sales/${number}`);
    } catch (err) {
      await discardMedia(storage, upload.files);
      if (!(err instanceof AppError && err.fields)) throw err;
      return formPage(req, reply, order, 422, { errors: err.fields as FieldErrors, values: upload.fields });
    }
  });

  app.get('/after-sales', async (req, reply) => {
    const rows = await customerCases(db, requireUser(req.user).id);
    return html(reply).send(<MyCasesPage ctx={pageContext(req)} rows={rows} now={new Date()} />);
  });

  const casePage = async (
    req: FastifyRequest<NumberParams>,
    reply: FastifyReply,
    status = 200,
    threadError?: FieldErrors,
  ) => {
    const d = await loadCasePage(db, await ownCase(req), requireUser(req.user));
    return html(reply, status).send(
      <CustomerCasePage ctx={pageContext(req)} d={d} now={new Date()} threadError={threadError} />,
    );
  };

  app.get<NumberParams>('/after-sales/:number', (req, reply) => casePage(req, reply));

  /** The open case page updates itself when support acts (server-sent events). */
  app.get<NumberParams>('/after-sales/:number/live', async (req, reply) => {
    const c = await ownCase(req);
    streamChanges(req, reply, bus, caseTopic(c.number));
  });

  app.post<{ Params: { number: string; event: string } }>('/after-sales/:number/events/:event', async (req, reply) => {
    const user = requireUser(req.user);
    const c = await ownCase(req);
    if (req.params.event !== 'confirmReissueReceived') throw notFound();
    await advanceCase(actions, c, 'confirmReissueReceived', caseActorOf(user));
    return seeOther(req, reply, `/after-sales/${c.number}`);
  });

  app.post<NumberParams>('/after-sales/:number/messages', async (req, reply) => {
    const user = requireUser(req.user);
    const c = await ownCase(req);
    const upload = await readMediaUpload(req, storage, { folder: CASE_FOLDER, fileFields: ['media'] });
    const form = parseForm(caseMessageInput, upload.fields);
    if (!form.ok || Object.keys(upload.errors).length) {
      await discardMedia(storage, upload.files);
      return casePage(req, reply, 422, { ...(form.ok ? {} : form.errors), ...upload.errors });
    }
    await postCaseMessage(actions, c, user, form.data.body, upload.files).catch(async (err) => {
      await discardMedia(storage, upload.files);
      throw err;
    });
    return seeOther(req, reply, `/after-sales/${c.number}#thread`);
  });

  app.get<{ Params: { number: string; id: string } }>('/after-sales/:number/files/:id', async (req, reply) => {
    const c = await ownCase(req);
    const id = Number(req.params.id);
    return sendCaseFile(
      req,
      reply,
      storage,
      c.number,
      Number.isInteger(id) ? await findCaseFile(db, c.id, id) : undefined,
    );
  });
}
