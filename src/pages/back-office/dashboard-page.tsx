import { QUEUE_COUNT_CAP } from '../../modules/orders/index.js';
import type { Role } from '../../platform/auth/roles.js';
import type { PageContext } from '../../platform/http/page-context.js';
import { AdminShell } from '../../platform/views/admin-shell.js';
import type { AttentionTile } from './attention.data.js';
import type { BusinessFigures } from './business.data.js';
import { BusinessSection } from './business-section.js';

/** The back office's first page: each queue this staff member acts on, with its count, then the business over a period. */
export function DashboardPage(props: {
  ctx: PageContext;
  user: { fullName: string; role: Role };
  tiles: AttentionTile[];
  banner: JSX.Element | string;
  figures: BusinessFigures;
  periodError?: boolean;
}) {
  const { ctx, tiles } = props;
  const { t, i18n } = ctx;
  const count = (n: number) => (n > QUEUE_COUNT_CAP ? `${i18n.number(QUEUE_COUNT_CAP)}+` : i18n.number(n));
  return (
    <AdminShell ctx={ctx} title={t('admin.dashboard')}>
      <h1>{t('admin.dashboard')}</h1>
      {props.banner}
      <p>{t('admin.welcome', { name: props.user.fullName, role: t(`role.${props.user.role}`) })}</p>
      <h2>{t('dashboard.needsYou')}</h2>
      {tiles.length === 0 ? (
        <p class="empty">{t('dashboard.nothing')}</p>
      ) : (
        <ul class="attention">
          {tiles.map((tile) => (
            <li class={tile.overdue && tile.count > 0 ? 'overdue' : ''}>
              <a href={tile.href}>
                <span class="count">{count(tile.count)}</span>
                <span>{t(tile.label)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <BusinessSection ctx={ctx} figures={props.figures} periodError={props.periodError} />
    </AdminShell>
  );
}
