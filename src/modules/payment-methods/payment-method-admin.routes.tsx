import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../platform/auth/current-user.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type FormResult, formValues, parseForm } from '../../platform/http/forms.js';
import { pageContext } from '../../platform/http/page-context.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import { formState } from '../../platform/views/form.js';
import { cancelPaymentMethodChange, confirmPaymentMethodChange } from './actions/decide-payment-method-change.js';
import { proposePaymentMethod } from './actions/propose-payment-method.js';
import { paymentMethodForm, withoutRefusedSecret } from './payment-method.inputs.js';
import { findPaymentMethod, listPaymentMethods } from './payment-method.repo.js';
import { RECENT_CHANGE_DAYS } from './payment-method.rules.js';
import { changesOfMethod, listConfirmedSince, listPendingChanges } from './payment-method-change.repo.js';
import { type Flash, PaymentMethodForm, PaymentMethodList } from './views/payment-method-pages.js';

const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');
const idParam = (req: FastifyRequest<{ Params: { id: string } }>) => {
  const id = Number(req.params.id);
  if (!Number.isInteger(id) || id <= 0 || id > 2 ** 31 - 1) throw notFound();
  return id;
};
const flashOf = (req: FastifyRequest): Flash | undefined => {
  const f = (req.query as { done?: string }).done;
  return f === 'saved' || f === 'proposed' || f === 'confirmed' || f === 'cancelled' ? f : undefined;
};
const asFieldErrors = <T,>(err: unknown, body: unknown): FormResult<T> => {
  if (err instanceof AppError && err.fields)
    return { ok: false, errors: err.fields as never, values: formValues(body) };
  throw err;
};

/** Payment methods back office (finance; admins pass). Every change is a proposal a second admin confirms. */
export async function paymentMethodAdminRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const listPage = async (req: FastifyRequest, reply: FastifyReply, status = 200, error?: MessageKey) => {
    const since = new Date(Date.now() - RECENT_CHANGE_DAYS * 86_400_000);
    const [methods, pending, recent] = await Promise.all([
      listPaymentMethods(db, false),
      listPendingChanges(db),
      listConfirmedSince(db, since),
    ]);
    const ctx = pageContext(req);
    return html(reply, status).send(
      <PaymentMethodList ctx={ctx} v={{ methods, pending, recent }} flash={flashOf(req)} error={error} />,
    );
  };
  const editPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    status = 200,
    form?: FormResult<unknown>,
  ) => {
    const [m, history] = await Promise.all([findPaymentMethod(db, id), changesOfMethod(db, id)]);
    if (!m) throw notFound();
    const pending = history.find((c) => c.status === 'pending');
    const ctx = pageContext(req);
    return html(reply, status).send(
      <PaymentMethodForm
        ctx={ctx}
        m={m}
        pending={pending}
        history={history}
        form={form && formState(form)}
        flash={flashOf(req)}
      />,
    );
  };

  app.get('/admin/payment-methods', async (req, reply) => {
    requireRole(req.user, 'finance');
    return listPage(req, reply);
  });

  app.get('/admin/payment-methods/new', async (req, reply) => {
    requireRole(req.user, 'finance');
    return html(reply).send(<PaymentMethodForm ctx={pageContext(req)} />);
  });

  app.post('/admin/payment-methods', async (req, reply) => {
    const user = requireRole(req.user, 'finance');
    const form = withoutRefusedSecret(parseForm(paymentMethodForm, req.body));
    if (!form.ok) return html(reply, 422).send(<PaymentMethodForm ctx={pageContext(req)} form={formState(form)} />);
    await proposePaymentMethod(db, null, form.data, user, config.publicUrl);
    return reply.code(303).redirect('/admin/payment-methods?done=proposed');
  });

  app.get<{ Params: { id: string } }>('/admin/payment-methods/:id', async (req, reply) => {
    requireRole(req.user, 'finance');
    return editPage(req, reply, idParam(req));
  });

  app.post<{ Params: { id: string } }>('/admin/payment-methods/:id', async (req, reply) => {
    const user = requireRole(req.user, 'finance');
    const id = idParam(req);
    let form = withoutRefusedSecret(parseForm(paymentMethodForm, req.body));
    if (form.ok) {
      try {
        const { proposed } = await proposePaymentMethod(db, id, form.data, user, config.publicUrl);
        return reply.code(303).redirect(`/admin/payment-methods/${id}?done=${proposed ? 'proposed' : 'saved'}`);
      } catch (err) {
        form = asFieldErrors(err, req.body);
      }
    }
    return editPage(req, reply, id, 422, form);
  });

  app.post<{ Params: { id: string; decision: string } }>(
    '/admin/payment-methods/changes/:id/:decision',
    async (req, reply) => {
      const { decision } = req.params;
      if (decision !== 'confirm' && decision !== 'cancel') throw notFound();
      // Only admins confirm; anyone who manages payment methods may withdraw a change.
      const user = requireRole(req.user, decision === 'confirm' ? 'admin' : 'finance');
      const id = idParam(req);
      try {
        if (decision === 'confirm') await confirmPaymentMethodChange(db, id, { user }, config.publicUrl);
        else await cancelPaymentMethodChange(db, id, { user }, config.publicUrl);
      } catch (err) {
        const message = err instanceof AppError ? err.fields?._form : undefined;
        if (!message || !(err instanceof AppError)) throw err;
        return listPage(req, reply, err.status, message as MessageKey);
      }
      return reply
        .code(303)
        .redirect(`/admin/payment-methods?done=${decision === 'confirm' ? 'confirmed' : 'cancelled'}`);
    },
  );
}
