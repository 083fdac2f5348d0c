import type { Children } from '@kitajs/html';
import { hasRole, type Role } from '../auth/roles.js';
import type { PageContext } from '../http/page-context.js';
import type { MessageKey } from '../i18n/index.js';
import { CsrfField, HtmlDocument, LocaleSwitch } from './layout.js';

/**
 * Back-office sections: the menu, and the `g` + letter keyboard shortcuts (`go`, listed on `?`).
 * Each module adds its entry here as it lands; give it a free letter to have a shortcut.
 */
export const sections: { href: string; label: MessageKey; roles: Role[]; go?: string }[] = [
  { href: '/admin', label: 'admin.dashboard', roles: ['sales', 'finance', 'warehouse', 'support'], go: 'd' },
  { href: '/admin/orders', label: 'admin.orders', roles: ['sales', 'finance', 'warehouse', 'support'], go: 'o' },
  { href: '/admin/after-sales', label: 'admin.afterSales', roles: ['support', 'warehouse'], go: 'c' },
  { href: '/admin/products', label: 'admin.products', roles: ['admin'], go: 'p' },
  { href: '/admin/network-figures', label: 'admin.networkFigures', roles: ['admin', 'sales'], go: 'n' },
  { href: '/admin/outbox', label: 'admin.outbox', roles: ['admin'], go: 'x' },
  { href: '/admin/repair-centers', label: 'admin.repairCenters', roles: ['support'], go: 'e' },
  { href: '/admin/help', label: 'admin.helpPages', roles: ['admin'], go: 'h' },
  { href: '/admin/refunds', label: 'refund.queue', roles: ['finance'], go: 'r' },
  { href: '/admin/payment-methods', label: 'payments.title', roles: ['finance'], go: 'm' },
  { href: '/admin/settings', label: 'settings.title', roles: ['admin'], go: 's' },
  { href: '/admin/users', label: 'acct.usersNav', roles: ['admin'], go: 'u' },
  { href: '/admin/api-tokens', label: 'apiToken.nav', roles: ['admin'], go: 't' },
  { href: '/admin/webhooks', label: 'webhook.title', roles: ['admin'], go: 'w' },
  { href: '/admin/audit', label: 'audit.title', roles: ['admin'], go: 'a' },
];

/** The menu entry a path belongs to: the longest section prefix (an order page is under Orders). */
export function currentSection(path: string, hrefs: string[]): string | undefined {
  return hrefs
    .filter((h) => path === h || (h !== '/admin' && path.startsWith(`${h}/`)))
    .sort((a, b) => b.length - a.length)[0];
}

const KEYS_SCRIPT = '/assets/back-office-keys.js';

function ShortcutsDialog({ ctx, menu }: { ctx: PageContext; menu: typeof sections }) {
  const { t } = ctx;
  return (
    <dialog id="bo-keys" class="bo-keys" aria-labelledby="bo-keys-title">
      <h2 id="bo-keys-title">{t('bo.shortcuts')}</h2>
      <dl>
        <dt>
          <kbd>/</kbd>
        </dt>
        <dd>{t('bo.keySearch')}</dd>
        <dt>
          <kbd>?</kbd>
        </dt>
        <dd>{t('bo.keyHelp')}</dd>
        {menu
          .filter((s) => s.go)
          .map((s) => (
            <>
              <dt>
                <kbd>g</kbd> <kbd>{s.go}</kbd>
              </dt>
              <dd>{t(s.label)}</dd>
            </>
          ))}
      </dl>
      <p class="hint">{t('bo.keysHint')}</p>
      <form method="dialog">
        <button type="submit">{t('bo.close')}</button>
      </form>
    </dialog>
  );
}

/** The dialog depends on the language and the menu, so on the language (its `t`) and the role only: kept (#18). */
const dialogs = new WeakMap<PageContext['t'], Map<Role, string>>();

function shortcutsDialog(ctx: PageContext, role: Role, menu: typeof sections): string {
  let perLanguage = dialogs.get(ctx.t);
  if (!perLanguage) {
    perLanguage = new Map();
    dialogs.set(ctx.t, perLanguage);
  }
  let html = perLanguage.get(role);
  if (html === undefined) {
    html = (<ShortcutsDialog ctx={ctx} menu={menu} />) as string;
    perLanguage.set(role, html);
  }
  return html;
}

/**
 * Every /admin page: the back office's own header (shop name, back-office search, the
 * staff member, a way back to the shop), a one-line menu that scrolls sideways on a phone,
 * and the keyboard shortcuts. No storefront header or product search.
 */
export function AdminShell({
  ctx,
  title,
  children,
  scripts,
}: {
  ctx: PageContext;
  title: string;
  children?: Children;
  scripts?: string[];
}) {
  const { t, user } = ctx;
  const role = user?.role ?? 'customer';
  const [path = '', query] = ctx.path.split('?');
  const searched = path === '/admin/search' ? (new URLSearchParams(query).get('q') ?? '') : '';
  const menu = sections.filter((s) => hasRole(role, ...s.roles));
  const current = currentSection(
    path,
    menu.map((s) => s.href),
  );
  return (
    <HtmlDocument ctx={ctx} title={title} scripts={scripts} modules={[KEYS_SCRIPT]} bodyClass="bo">
      <header class="bo-header">
        <div class="bo-bar">
          <a class="brand" href="/admin">
            <span class="brand-mark" aria-hidden="true">
              #
            </span>
            Hashcart <span class="bo-tag">{t('admin.nav')}</span>
          </a>
          {/* The back office's own search (orders, PIs, payments, serials, customers), not the shop's products. */}
          <form class="admin-search" role="search" method="get" action="/admin/search" aria-label={t('find.box')}>
            <label for="admin-q" class="visually-hidden">
              {t('find.label')}
            </label>
            <input
              id="admin-q"
              name="q"
              type="search"
              maxlength="200"
              value={searched}
              placeholder={t('find.placeholder')}
              aria-keyshortcuts="/"
            />
            <button type="submit">{t('find.label')}</button>
          </form>
          <nav class="bo-account" aria-label={t('nav.account')}>
            <a href="/">{t('bo.storefront')}</a>
            {user && (
              <span class="who-group">
                <a href="/account" class="who" title={t('acct.accountNav')} safe>
                  {user.fullName}
                </a>
                <form action="/logout" method="post" class="inline">
                  <CsrfField ctx={ctx} />
                  <button type="submit" class="link">
                    {t('nav.logout')}
                  </button>
                </form>
              </span>
            )}
            {/* Shown by the shortcuts script: without JavaScript there are no shortcuts to list. */}
            <button
              type="button"
              class="link"
              data-shortcuts
              hidden
              aria-haspopup="dialog"
              aria-controls="bo-keys"
              aria-keyshortcuts="?"
            >
              {t('bo.shortcuts')}
            </button>
          </nav>
        </div>
        <nav class="admin-nav" aria-label={t('admin.nav')}>
          {menu.map((s) => (
            <a href={s.href} aria-current={s.href === current ? 'page' : undefined} data-go={s.go}>
              {t(s.label)}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" class="admin-main">
        {children}
      </main>
      <footer class="bo-footer">
        <LocaleSwitch ctx={ctx} />
      </footer>
      {shortcutsDialog(ctx, role, menu)}
    </HtmlDocument>
  );
}
