import type { Role } from '../src/platform/auth/roles.js';
import type { PageContext } from '../src/platform/http/page-context.js';
import { i18n, type Locale } from '../src/platform/i18n/index.js';

/** What a view test renders a back-office page for: a staff member of `role`, in `locale`. */
export const staffPageContext = (locale: Locale = 'en', role: Role = 'sales', fullName = 'Sam') =>
  ({
    i18n: i18n(locale),
    t: i18n(locale).t,
    user: { id: 1, role, fullName, email: 's@example.test' },
    csrf: 'c',
    path: '/admin/orders',
    href: (p: string) => p,
    publicUrl: 'http://shop.test',
  }) as PageContext;
