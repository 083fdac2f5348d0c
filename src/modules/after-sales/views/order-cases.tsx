import type { PageContext } from '../../../platform/http/page-context.js';
import type { OrderAfterSales } from '../case-order.data.js';
import { CaseBadge } from './case-parts.js';

/**
 * On a completed order's page: the order's cases and, for its buyer, the button to open
 * one (within warranty). Staff see the cases linked to the back office.
 */
export function OrderCases({
  ctx,
  number,
  a,
  staff = false,
}: {
  ctx: PageContext;
  number: string;
  a: OrderAfterSales;
  staff?: boolean;
}) {
  const { t, i18n } = ctx;
  const offer = a.eligible && !staff;
  if (!offer && !a.cases.length) return '';
  return (
    <section class="card order-cases">
      <h2>{t('case.orderCases')}</h2>
      {a.cases.length > 0 && (
        <ul>
          {a.cases.map((c) => (
            <li>
              <a href={`${staff ? '/admin' : ''}/after-sales/${c.number}`}>{c.number}</a> · {t(`caseType.${c.type}`)} ·{' '}
              {i18n.date(c.createdAt)} <CaseBadge ctx={ctx} state={c.status} />
            </li>
          ))}
        </ul>
      )}
      {offer && (
        <a class="button" href={`/orders/${number}/after-sales/new`}>
          {t('case.requestService')}
        </a>
      )}
    </section>
  );
}
