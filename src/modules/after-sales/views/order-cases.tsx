import type { PageContext } from '../../../platform/http/page-context.js';
import type { OrderAfterSales } from '../case-order.data.js';
import { CaseBadge } from './case-parts.js';

/** On a completed order's page: the button to open a case (within warranty) and the order's cases. */
export function OrderCases({ ctx, number, a }: { ctx: PageContext; number: string; a: OrderAfterSales }) {
  const { t, i18n } = ctx;
  if (!a.eligible && !a.cases.length) return '';
  return (
    <section class="card order-cases">
      <h2>{t('case.orderCases')}</h2>
      {a.cases.length > 0 && (
        <ul>
          {a.cases.map((c) => (
            <li>
              <a href={`/after-sales/${c.number}`}>{c.number}</a> · {t(`caseType.${c.type}`)} · {i18n.date(c.createdAt)}{' '}
              <CaseBadge ctx={ctx} state={c.status} />
            </li>
          ))}
        </ul>
      )}
      {a.eligible && (
        <a class="button" href={`/orders/${number}/after-sales/new`}>
          {t('case.requestService')}
        </a>
      )}
    </section>
  );
}
