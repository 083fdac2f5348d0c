import type { PageContext } from '../../../platform/http/page-context.js';
import { centsToUsdInput } from '../../../platform/money.js';
import { AdminShell } from '../../../platform/views/admin-shell.js';
import type { FormState } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import type { networkFigures } from '../catalog.tables.js';
import { networkHashrateUnits, readableHashrate } from '../product.rules.js';

type Row = typeof networkFigures.$inferSelect;

/** One row form per algorithm; staff update the figures the profitability estimate uses. */
export function NetworkFiguresPage({ ctx, rows, form }: { ctx: PageContext; rows: Row[]; form?: FormState }) {
  const { t, i18n } = ctx;
  const failed = form?.values?.algorithm;
  return (
    <AdminShell ctx={ctx} title={t('admin.networkFigures')}>
      <h1>{t('admin.networkFigures')}</h1>
      <p class="hint">{t('admin.networkFiguresHint')}</p>
      {failed && (
        <p class="form-error" role="alert">
          {t('error.validation')}
        </p>
      )}
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('spec.algorithm')}</th>
            <th scope="col">{t('admin.coin')}</th>
            <th scope="col">{t('admin.networkHashrate')}</th>
            <th scope="col">{t('admin.blockReward')}</th>
            <th scope="col">{t('admin.blockTime')}</th>
            <th scope="col">{t('admin.coinPrice')}</th>
            <th scope="col">{t('admin.updated')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('admin.save')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const id = `nf-${r.algorithm.replace(/\W/g, '')}`;
            const v = failed === r.algorithm ? form?.values : undefined;
            return (
              <tr>
                <th scope="row" safe>
                  {r.algorithm}
                </th>
                <td>
                  <input form={id} name="coin" value={v?.coin ?? r.coin} aria-label={t('admin.coin')} size="6" />
                </td>
                <td>
                  <span class="hashrate-input">
                    <input
                      form={id}
                      name="networkHashrate"
                      value={v?.networkHashrate ?? String(readableHashrate(r.networkHashrate).value)}
                      aria-label={t('admin.networkHashrate')}
                      size="7"
                    />
                    <select form={id} name="networkHashrateUnit" aria-label={t('admin.hashrateUnit')}>
                      {networkHashrateUnits.map((u) => (
                        <option
                          value={u}
                          selected={(v?.networkHashrateUnit ?? readableHashrate(r.networkHashrate).unit) === u}
                        >
                          {u}
                        </option>
                      ))}
                    </select>
                  </span>
                </td>
                <td>
                  <input
                    form={id}
                    name="blockReward"
                    value={v?.blockReward ?? String(r.blockReward)}
                    aria-label={t('admin.blockReward')}
                    size="6"
                  />
                </td>
                <td>
                  <input
                    form={id}
                    name="blockTimeSeconds"
                    value={v?.blockTimeSeconds ?? String(r.blockTimeSeconds)}
                    aria-label={t('admin.blockTime')}
                    size="5"
                  />
                </td>
                <td>
                  <input
                    form={id}
                    name="coinPrice"
                    value={v?.coinPrice ?? centsToUsdInput(r.coinPriceCents)}
                    aria-label={t('admin.coinPrice')}
                    size="9"
                  />
                </td>
                <td>{i18n.date(r.updatedAt)}</td>
                <td>
                  <form id={id} method="post" action="/admin/network-figures">
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="algorithm" value={r.algorithm} />
                    <button type="submit" class="small">
                      {t('admin.save')}
                    </button>
                  </form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </AdminShell>
  );
}
