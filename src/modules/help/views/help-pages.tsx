import type { PageContext } from '../../../platform/http/page-context.js';
import { plainText } from '../../../platform/i18n/index.js';
import { breadcrumbList, organization, type ShopContact } from '../../../platform/views/json-ld.js';
import { Layout } from '../../../platform/views/layout.js';
import { type HelpSlug, helpSlugs } from '../help.rules.js';

export const helpTitle = (slug: HelpSlug) => `help.page.${slug}` as const;

function WhatsappButton({ ctx }: { ctx: PageContext }) {
  return (
    <a href="/contact/whatsapp" class="button whatsapp" rel="noopener noreferrer">
      {ctx.t('help.whatsapp')}
    </a>
  );
}

function HelpNav({ ctx, current }: { ctx: PageContext; current?: HelpSlug }) {
  return (
    <nav class="help-nav card" aria-label={ctx.t('help.title')}>
      <a href={ctx.href('/help')} aria-current={current ? undefined : 'page'}>
        {ctx.t('help.title')}
      </a>
      {helpSlugs.map((s) => (
        <a href={ctx.href(`/help/${s}`)} aria-current={s === current ? 'page' : undefined}>
          {ctx.t(helpTitle(s))}
        </a>
      ))}
      <a href="/warranty">{ctx.t('warranty.title')}</a>
    </nav>
  );
}

export function HelpIndexPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t('help.title')}
      seo={{
        description: plainText(ctx.i18n.locale, 'seo.helpDescription'),
        og: { type: 'website', title: plainText(ctx.i18n.locale, 'help.title') },
      }}
    >
      <div class="help">
        <HelpNav ctx={ctx} />
        <div>
          <h1>{t('help.title')}</h1>
          <p>{t('help.lead')}</p>
          <ul class="help-tiles">
            {helpSlugs.map((s) => (
              <li>
                <a href={ctx.href(`/help/${s}`)} class="card">
                  <strong>{t(helpTitle(s))}</strong>
                  <span class="hint">{t(`help.summary.${s}`)}</span>
                </a>
              </li>
            ))}
          </ul>
          <p>
            <a href="/warranty">{t('warranty.link')}</a>
          </p>
          <p>
            <WhatsappButton ctx={ctx} />
          </p>
        </div>
      </div>
    </Layout>
  );
}

/** `html` comes from renderMarkdown (HTML in the source disabled), so it is inserted as is. */
export function HelpPage({
  ctx,
  slug,
  html,
  shop,
}: {
  ctx: PageContext;
  slug: HelpSlug;
  html: string;
  /** On the contact page: the shop, as schema.org Organization. */
  shop?: ShopContact;
}) {
  const { t } = ctx;
  const locale = ctx.i18n.locale;
  const title = plainText(locale, helpTitle(slug));
  const seo = {
    description: `${title}: ${plainText(locale, `help.summary.${slug}`)}`,
    og: { type: 'article' as const, title },
    jsonLd: [
      breadcrumbList(ctx, [
        { name: plainText(locale, 'nav.home'), path: '/' },
        { name: plainText(locale, 'help.title'), path: '/help' },
        { name: title, path: `/help/${slug}` },
      ]),
      ...(shop ? [organization(ctx, shop)] : []),
    ],
  };
  return (
    <Layout ctx={ctx} title={t(helpTitle(slug))} seo={seo}>
      <div class="help">
        <HelpNav ctx={ctx} current={slug} />
        <article class="prose">
          <h1>{t(helpTitle(slug))}</h1>
          {/* The prose's own site links, in the page's language (ADR 0026). */}
          {html.replace(/href="(\/[^"/][^"]*|\/)"/g, (_m, path: string) => `href="${ctx.href(path)}"`)}
          <p class="help-contact">
            {t('help.stillStuck')} <WhatsappButton ctx={ctx} />
          </p>
        </article>
      </div>
    </Layout>
  );
}
