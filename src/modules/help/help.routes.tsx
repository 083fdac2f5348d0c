import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireRole } from '../../platform/auth/current-user.js';
import type { Db } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { parseForm } from '../../platform/http/forms.js';
import { pageContext } from '../../platform/http/page-context.js';
import { i18n as i18nFor, isLocale } from '../../platform/i18n/index.js';
import { formState } from '../../platform/views/form.js';
import { whatsappLink } from '../repair-centers/index.js';
import { getSettings } from '../settings/index.js';
import { resetHelpPage, saveHelpPage } from './actions/save-help-page.js';
import { helpPageForm, whatsappQuery } from './help.inputs.js';
import { listHelpOverrides } from './help.repo.js';
import { isHelpSlug } from './help.rules.js';
import { loadHelpPage } from './help.service.js';
import { renderMarkdown } from './markdown.js';
import { HelpAdminEdit, HelpAdminList } from './views/help-admin-pages.js';
import { HelpIndexPage, HelpPage } from './views/help-pages.js';

const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');
const pageParams = (p: { slug: string; locale: string }) => {
  if (!isHelpSlug(p.slug) || !isLocale(p.locale)) throw notFound();
  return { slug: p.slug, locale: p.locale };
};

/** Help centre (public), its prose editor (admin), and the WhatsApp contact link. */
export async function helpRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.get('/help', async (req, reply) => html(reply).send(<HelpIndexPage ctx={pageContext(req)} />));

  app.get<{ Params: { slug: string } }>('/help/:slug', async (req, reply) => {
    const { slug } = req.params;
    if (!isHelpSlug(slug)) throw notFound();
    const [page, settings] = await Promise.all([
      loadHelpPage(db, slug, req.i18n),
      slug === 'contact' ? getSettings(db) : undefined,
    ]);
    // The contact page names the shop and its WhatsApp number for search engines (Organization).
    const shop = settings && { name: settings.sellerName, whatsapp: settings.whatsappNumber };
    return html(reply).send(<HelpPage ctx={pageContext(req)} slug={slug} html={page.html} shop={shop} />);
  });

  // One link for every "Contact us on WhatsApp": the number is a setting staff can change.
  app.get('/contact/whatsapp', async (req, reply) => {
    const { order } = whatsappQuery.parse(req.query ?? {});
    const { whatsappNumber } = await getSettings(db);
    const link = whatsappLink(whatsappNumber, order ? req.i18n.t('help.whatsappOrderText', { order }) : undefined);
    return reply.code(302).redirect(link ?? '/help/contact');
  });

  app.get('/admin/help', async (req, reply) => {
    requireRole(req.user, 'admin');
    const overridden = new Set((await listHelpOverrides(db)).map((o) => `${o.slug}/${o.locale}`));
    return html(reply).send(<HelpAdminList ctx={pageContext(req)} overridden={overridden} />);
  });

  app.get<{ Params: { slug: string; locale: string } }>('/admin/help/:slug/:locale', async (req, reply) => {
    requireRole(req.user, 'admin');
    const { slug, locale } = pageParams(req.params);
    const page = await loadHelpPage(db, slug, i18nFor(locale));
    return html(reply).send(<HelpAdminEdit ctx={pageContext(req)} v={{ slug, locale, ...page, preview: page.html }} />);
  });

  app.post<{ Params: { slug: string; locale: string } }>('/admin/help/:slug/:locale', async (req, reply) => {
    const user = requireRole(req.user, 'admin');
    const { slug, locale } = pageParams(req.params);
    const form = parseForm(helpPageForm, req.body);
    if (form.ok) {
      await saveHelpPage(db, slug, locale, form.data.markdown, user.id);
      return reply.code(303).redirect(`/admin/help/${slug}/${locale}`);
    }
    const page = await loadHelpPage(db, slug, i18nFor(locale));
    const v = { slug, locale, ...page, preview: renderMarkdown(''), form: formState(form) };
    return html(reply, 422).send(<HelpAdminEdit ctx={pageContext(req)} v={v} />);
  });

  app.post<{ Params: { slug: string; locale: string } }>('/admin/help/:slug/:locale/reset', async (req, reply) => {
    const user = requireRole(req.user, 'admin');
    const { slug, locale } = pageParams(req.params);
    await resetHelpPage(db, slug, locale, user.id);
    return reply.code(303).redirect(`/admin/help/${slug}/${locale}`);
  });
}
