import type { Children } from '@kitajs/html';
import { hasRole, type Role } from '../auth/roles.js';
import type { PageContext } from '../http/page-context.js';
import type { MessageKey } from '../i18n/index.js';
import { Layout } from './layout.js';

/** Back-office sections; each module adds its entry here as it lands. */
const sections: { href: string; label: MessageKey; roles: Role[] }[] = [
  { href: '/admin', label: 'admin.dashboard', roles: ['sales', 'finance', 'warehouse', 'support'] },
  { href: '/admin/orders', label: 'admin.orders', roles: ['sales', 'finance', 'warehouse', 'support'] },
  { href: '/admin/after-sales', label: 'admin.afterSales', roles: ['support', 'warehouse'] },
  { href: '/admin/products', label: 'admin.products', roles: ['admin'] },
  { href: '/admin/network-figures', label: 'admin.networkFigures', roles: ['admin', 'sales'] },
  { href: '/admin/outbox', label: 'admin.outbox', roles: ['admin'] },
  { href: '/admin/repair-centers', label: 'admin.repairCenters', roles: ['support'] },
  { href: '/admin/help', label: 'admin.helpPages', roles: ['admin'] },
  { href: '/admin/refunds', label: 'refund.queue', roles: ['finance'] },
  { href: '/admin/payment-methods', label: 'payments.title', roles: ['finance'] },
  { href: '/admin/settings', label: 'settings.title', roles: ['admin'] },
  { href: '/admin/users', label: 'acct.usersNav', roles: ['admin'] },
  { href: '/admin/api-tokens', label: 'apiToken.nav', roles: ['admin'] },
];

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
  const role = ctx.user?.role ?? 'customer';
  const [path, query] = ctx.path.split('?');
  const searched = path === '/admin/search' ? (new URLSearchParams(query).get('q') ?? '') : '';
  return (
    <Layout ctx={ctx} title={title} scripts={scripts}>
      <div class="admin">
        <nav class="admin-nav" aria-label={ctx.t('admin.nav')}>
          {sections
            .filter((s) => hasRole(role, ...s.roles))
            .map((s) => (
              <a href={s.href} aria-current={path === s.href ? 'page' : undefined}>
                {ctx.t(s.label)}
              </a>
            ))}
        </nav>
        <div class="admin-main">
          {/* The back office's own search (orders, PIs, payments, serials, customers), not the shop's products. */}
          <form class="admin-search" role="search" method="get" action="/admin/search" aria-label={ctx.t('find.box')}>
            <label for="admin-q">{ctx.t('find.label')}</label>
            <input
              id="admin-q"
              name="q"
              type="search"
              maxlength="200"
              value={searched}
              placeholder={ctx.t('find.placeholder')}
            />
            <button type="submit">{ctx.t('find.label')}</button>
          </form>
          {children}
        </div>
      </div>
    </Layout>
  );
}
