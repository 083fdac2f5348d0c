import { caseQueueCounts, openCaseStates } from '../../modules/after-sales/index.js';
import { orderQueueCounts, QUEUE_COUNT_CAP } from '../../modules/orders/index.js';
import { countRefundsDue, refundRoles } from '../../modules/refunds/index.js';
import { countAwaitingReview } from '../../modules/repair-centers/index.js';
import type { Role } from '../../platform/auth/roles.js';
import { hasRole } from '../../platform/auth/roles.js';
import type { DbOrTx } from '../../platform/db/client.js';
import type { MessageKey } from '../../platform/i18n/index.js';

export interface AttentionTile {
  label: MessageKey;
  count: number;
  href: string;
  /** A broken promise (overdue): shown in the problem colour when there is any. */
  overdue?: boolean;
}

/**
 * What waits for this staff member, by role (DESIGN §1): each queue they act on, with
 * its count (capped like the queues) and overdue promises flagged. Only the counts the
 * role sees are read.
 */
export async function attentionFor(db: DbOrTx, role: Role, now = new Date()): Promise<AttentionTile[]> {
  const sees = (...roles: Role[]) => hasRole(role, ...roles);
  const [orders, cases, centers, refundsDue] = await Promise.all([
    sees('sales', 'finance', 'warehouse') ? orderQueueCounts(db, now) : undefined,
    sees('support') ? caseQueueCounts(db, openCaseStates, now) : undefined,
    sees('support') ? countAwaitingReview(db, QUEUE_COUNT_CAP) : undefined,
    sees(...refundRoles) ? countRefundsDue(db) : undefined,
  ]);
  const tiles: (AttentionTile | false)[] = [
    !!orders &&
      sees('sales') && {
        label: 'queue.awaiting_quote',
        count: orders.awaiting_quote,
        href: '/admin/orders?queue=awaiting_quote',
      },
    !!orders &&
      sees('finance') && {
        label: 'queue.payment_review',
        count: orders.payment_review,
        href: '/admin/orders?queue=payment_review',
      },
    !!orders &&
      sees('warehouse') && {
        label: 'queue.ready_to_ship',
        count: orders.ready_to_ship,
        href: '/admin/orders?queue=ready_to_ship',
      },
    !!orders && {
      label: 'dashboard.overdueOrders',
      count: orders.overdue,
      href: '/admin/orders?queue=overdue',
      overdue: true,
    },
    !!cases && {
      label: 'dashboard.openCases',
      count: openCaseStates.reduce((n, s) => n + cases.byState[s], 0),
      href: '/admin/after-sales',
    },
    !!cases && {
      label: 'dashboard.overdueCases',
      count: cases.overdue,
      href: '/admin/after-sales?queue=overdue',
      overdue: true,
    },
    refundsDue !== undefined && { label: 'dashboard.refundsDue', count: refundsDue, href: '/admin/refunds' },
    centers !== undefined && { label: 'dashboard.centersToReview', count: centers, href: '/admin/repair-centers' },
  ];
  return tiles.filter((t): t is AttentionTile => !!t);
}
