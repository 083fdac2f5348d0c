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
  { href: '/admin/payment-methods', label: 'payments.title', roles: ['finance'] },
  { href: '/admin/settings', label: 'settings.title', roles: ['admin'] },
  { href: '/admin/users', label: 'acct.usersNav', roles: ['admin'] },
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
  return (
    <Layout ctx={ctx} title={title} scripts={scripts}>
      <div class="admin">
        <nav class="admin-nav" aria-label={ctx.t('admin.nav')}>
          {sections
            .filter((s) => hasRole(role, ...s.roles))
            .map((s) => (
              <a href={s.href} aria-current={ctx.path.split('?')[0] === s.href ? 'page' : undefined}>
                {ctx.t(s.label)}
              </a>
            ))}
        </nav>
        <div class="admin-main">{children}</div>
      </div>
    </Layout>
  );
}
