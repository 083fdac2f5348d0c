import type { PageContext } from '../../../platform/http/page-context.js';
import { AdminShell } from '../../../platform/views/admin-shell.js';
import { ExportLinks } from '../../../platform/views/export-links.js';
import { QUEUE_COUNT_CAP } from '../../orders/index.js';
import type { Refund } from '../refund.repo.js';
import { remainingCents } from '../refund.rules.js';

type Row = { refund: Refund; number: string; fullName: string };

/** Finance's queue: every refund still owed, oldest first, with what remains. */
export function RefundsQueuePage({ ctx, rows, count }: { ctx: PageContext; rows: Row[]; count: number }) {
  const { t, i18n } = ctx;
  return (
    <AdminShell ctx={ctx} title={t('refund.queue')}>
      <h1>
        {t('refund.queue')}{' '}
        <span class="count">{count > QUEUE_COUNT_CAP ? `${i18n.number(QUEUE_COUNT_CAP)}+` : String(count)}</span>
      </h1>
      <ExportLinks ctx={ctx} path="/admin/refunds.csv" filter="status=due" />
      <p class="export">
        <a href="/admin/payments.csv" download="">
          {t('export.payments')}
        </a>
      </p>
      {rows.length === 0 ? (
        <p class="empty">{t('admin.queueEmpty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('orders.number')}</th>
                <th scope="col">{t('admin.customer')}</th>
                <th scope="col">{t('refund.method')}</th>
                <th scope="col" class="num">
                  {t('refund.amountDue')}
                </th>
                <th scope="col" class="num">
                  {t('refund.remainingShort')}
                </th>
                <th scope="col">{t('admin.waitingSince')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/admin/orders/${r.number}#refund`}>{r.number}</a>
                  </td>
                  <td safe>{r.fullName}</td>
                  <td safe>{r.refund.methodName}</td>
                  <td class="num">{i18n.money(r.refund.amountCents)}</td>
                  <td class="num">{i18n.money(remainingCents(r.refund))}</td>
                  <td>{i18n.date(r.refund.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminShell>
  );
}
