import type { Children } from '@kitajs/html';
import { isStaff } from '../auth/roles.js';
import { categories } from '../categories.js';
import type { PageContext } from '../http/page-context.js';
import { locales } from '../i18n/index.js';
import { type Seo, seoHead } from './seo-head.js';

// htmx 2 ignores 4xx bodies by default; form errors (422) and conflicts (409) must swap.
const htmxConfig = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  responseHandling: [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '(404|409|422|429)', swap: true, error: false },
    { code: '...', swap: false, error: true },
  ],
});

// The same on every page: rendered once, not escaped again per request (#18).
const headStart = (
  <>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
  </>
) as string;
const headShared = (
  <>
    <meta name="htmx-config" content={htmxConfig} />
    <link rel="stylesheet" href="/assets/app.css" />
    <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
    <script src="/vendor/htmx.min.js" defer></script>
  </>
) as string;

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrf} />;
}

/** Log in from a page and come back to it (not to the login or link pages themselves). */
const loginHref = (path: string) =>
  path === '/' || /^\/(login|register|password|invite|account\/email)\b/.test(path)
    ? '/login'
    : `/login?next=${encodeURIComponent(path)}`;

function Header({ ctx }: { ctx: PageContext }) {
  const { t, user } = ctx;
  return (
    <header class="site-header">
      <div class="bar">
        <a class="brand" href={ctx.href('/')}>
          <span class="brand-mark" aria-hidden="true">
            #
          </span>
          Hashcart
        </a>
        <form class="search" action={ctx.href('/search')} method="get" role="search">
          <label class="visually-hidden" for="q">
            {t('nav.search')}
          </label>
          <input id="q" name="q" type="search" placeholder={t('nav.searchPlaceholder')} />
          <button type="submit">{t('nav.search')}</button>
        </form>
        <nav class="account-nav" aria-label={t('nav.account')}>
          <a href={ctx.href('/asic-miner-repair')}>{t('nav.asicMinerRepair')}</a>
          <a href={ctx.href('/help')}>{t('nav.help')}</a>
          <a href={ctx.href('/cart')}>{t('nav.cart')}</a>
          {user ? (
            <>
              <a href={ctx.href('/orders')}>{t('nav.myOrders')}</a>
              <a href={ctx.href('/after-sales')}>{t('nav.afterSales')}</a>
              <a href={ctx.href('/repair-centers')}>{t('nav.repairCenter')}</a>
              {isStaff(user.role) && <a href="/admin">{t('nav.backOffice')}</a>}
              {/* The name and "Log out" wrap together: "Log out" alone on a line reads as a stray button. */}
              <span class="who-group">
                <a href={ctx.href('/account')} class="who" title={t('acct.accountNav')} safe>
                  {user.fullName}
                </a>
                <form action="/logout" method="post" class="inline">
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="link">
                    {t('nav.logout')}
                  </button>
                </form>
              </span>
            </>
          ) : (
            <>
              <a href={ctx.href(loginHref(ctx.path))}>{t('nav.login')}</a>
              <a href={ctx.href('/register')} class="button small">
                {t('nav.register')}
              </a>
            </>
          )}
        </nav>
      </div>
      <nav class="category-nav" aria-label={t('nav.categories')}>
        {categories.map((c) => (
          <a
            href={ctx.href(`/categories/${c.slug}`)}
            aria-current={ctx.path.startsWith(`/categories/${c.slug}`) ? 'page' : undefined}
          >
            {t(c.name)}
          </a>
        ))}
      </nav>
    </header>
  );
}

/** The language switch: staff and buyers alike pick en or es (the storefront footer and the back office). */
export function LocaleSwitch({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <form action="/locale" method="post" class="locale-switch">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="back" value={ctx.path} />
      <label for="locale-select">{t('footer.language')}</label>
      <select id="locale-select" name="locale">
        {locales.map((l) => (
          <option value={l} selected={l === ctx.i18n.locale}>
            {t(`locale.${l}`)}
          </option>
        ))}
      </select>
      <button type="submit" class="small">
        {t('footer.change')}
      </button>
    </form>
  );
}

function Footer({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <footer class="site-footer">
      <p>{t('footer.tagline')}</p>
      <p>
        <a href={ctx.href('/help')}>{t('nav.help')}</a> · <a href="/contact/whatsapp">{t('help.whatsapp')}</a>
      </p>
      <LocaleSwitch ctx={ctx} />
    </footer>
  );
}

/**
 * The HTML document every page shares (head, htmx, CSRF header, skip link); the storefront
 * (Layout) and the back office (AdminShell) put their own header and footer in it.
 * `title` is HTML text: a message from ctx.t (already escaped) or escapeHtml(data).
 * `modules` are ES module scripts (type="module": deferred, may export for unit tests).
 */
export function HtmlDocument({
  ctx,
  title,
  children,
  scripts = [],
  modules = [],
  bodyClass,
  seo,
}: {
  ctx: PageContext;
  title: string;
  children?: Children;
  scripts?: string[];
  modules?: string[];
  bodyClass?: string;
  /** Description, canonical, noindex, Open Graph, JSON-LD (seo-head.tsx). */
  seo?: Seo;
}) {
  return (
    <>
      {'<!doctype html>'}
      <html lang={ctx.i18n.locale}>
        <head>
          {headStart}
          <title>{`${title} · Hashcart`}</title>
          {seoHead(ctx, seo)}
          {headShared}
          {scripts.map((src) => (
            <script src={src} defer></script>
          ))}
          {modules.map((src) => (
            <script type="module" src={src}></script>
          ))}
        </head>
        <body class={bodyClass} hx-headers={JSON.stringify({ 'x-csrf-token': ctx.csrf })}>
          <a class="skip-link" href="#main">
            {ctx.t('nav.skip')}
          </a>
          {children}
        </body>
      </html>
    </>
  );
}

/** A storefront page: the shop's header (product search, account links) and footer. */
export function Layout({
  ctx,
  title,
  children,
  scripts = [],
  seo,
}: {
  ctx: PageContext;
  title: string;
  children?: Children;
  scripts?: string[];
  /** Description, canonical, noindex, Open Graph, JSON-LD (seo-head.tsx). */
  seo?: Seo;
}) {
  return (
    <HtmlDocument ctx={ctx} title={title} scripts={scripts} seo={seo}>
      <Header ctx={ctx} />
      <main id="main">{children}</main>
      <Footer ctx={ctx} />
    </HtmlDocument>
  );
}
