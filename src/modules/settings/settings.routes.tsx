import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireRole } from '../../platform/auth/current-user.js';
import type { Db } from '../../platform/db/client.js';
import { parseForm } from '../../platform/http/forms.js';
import { pageContext } from '../../platform/http/page-context.js';
import { updateSettings } from './actions/update-settings.js';
import { settingsForm, submittedList } from './settings.inputs.js';
import { getSettings } from './settings.repo.js';
import { SettingsPage } from './views/settings-page.js';

const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');

/** Shop settings: admin only. */
export async function settingsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get('/admin/settings', async (req, reply) => {
    requireRole(req.user, 'admin');
    const saved = (req.query as { saved?: string }).saved === '1';
    return html(reply).send(<SettingsPage ctx={pageContext(req)} s={await getSettings(db)} saved={saved} />);
  });

  app.post('/admin/settings', async (req, reply) => {
    const user = requireRole(req.user, 'admin');
    const form = parseForm(settingsForm, req.body);
    if (form.ok) {
      await updateSettings(db, form.data, user.id);
      return reply.code(303).redirect('/admin/settings?saved=1');
    }
    // Ticked boxes come back as lists, which the generic form values leave out.
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = {
      ...form.values,
      destinations: submittedList(body.destinations).join(' '),
      cryptoRestricted: submittedList(body.cryptoRestricted).join(' '),
    };
    const state = { errors: form.errors, values };
    return html(reply, 422).send(<SettingsPage ctx={pageContext(req)} s={await getSettings(db)} form={state} />);
  });
}
