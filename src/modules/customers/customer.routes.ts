import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireStaff } from '../../platform/auth/current-user.js';
import type { Db } from '../../platform/db/client.js';
import type { ActionContext } from '../../platform/effects.js';
import { notFound } from '../../platform/errors.js';
import { parseForm } from '../../platform/http/forms.js';
import type { PageRenderer } from '../../platform/http/page-renderer.js';
import { findCustomer } from '../accounts/index.js';
import { addCustomerNote, tagCustomer, untagCustomer } from './actions/note-customer.js';
import { noteInput, tagInput } from './customer.inputs.js';

type Params = { Params: { id: string } };

/** Staff notes and tags on a customer; the page itself is composed in src/pages and handed in. */
export async function customerRoutes(
  app: FastifyInstance,
  { db, actions, page }: { db: Db; actions: ActionContext; page: PageRenderer<number> },
) {
  const load = async (req: FastifyRequest<Params>) => {
    const user = requireStaff(req.user);
    const id = /^\d{1,9}$/.test(req.params.id) ? Number(req.params.id) : 0;
    if (!id || !(await findCustomer(db, id))) throw notFound();
    return { user, id };
  };
  const back = (reply: FastifyReply, id: number) => reply.code(303).redirect(`/admin/customers/${id}`);

  app.post<Params>('/admin/customers/:id/notes', async (req, reply) => {
    const { user, id } = await load(req);
    const form = parseForm(noteInput, req.body);
    if (!form.ok) return page(req, reply, id, { status: 422, forms: { note: form } });
    await addCustomerNote(actions, id, user.id, form.data.body);
    return back(reply, id);
  });

  app.post<Params>('/admin/customers/:id/tags', async (req, reply) => {
    const { user, id } = await load(req);
    const form = parseForm(tagInput, req.body);
    if (!form.ok) return page(req, reply, id, { status: 422, forms: { tag: form } });
    await tagCustomer(actions, id, form.data.tag, user.id);
    return back(reply, id);
  });

  app.post<Params>('/admin/customers/:id/tags/remove', async (req, reply) => {
    const { user, id } = await load(req);
    const form = parseForm(tagInput, req.body);
    if (form.ok) await untagCustomer(actions, id, form.data.tag, user.id);
    return back(reply, id);
  });
}
