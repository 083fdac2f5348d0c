import { type PromiseTally, QUOTE_OVERDUE_HOURS } from '../../modules/orders/index.js';
import { leadTimes } from '../../modules/shipping/index.js';
import { countryName } from '../../platform/countries.js';
import type { PageContext } from '../../platform/http/page-context.js';
import { type BusinessFigures, businessPeriods, shareKept, sumTallies } from './business.data.js';
import { barChart, type ChartBox } from './chart.js';

const box: ChartBox = { width: 640, height: 180, left: 64, right: 8, top: 10, bottom: 22 };

/** One bar chart drawn on the server: `role="img"` named by its title; the numbers are in the table below it. */
function BarChart(props: {
  id: string;
  title: string;
  points: { label: string; value: number }[];
  format: (v: number) => string;
  dayLabel: (day: string) => string;
}) {
  const g = barChart(props.points, box);
  return (
    <svg
      class="biz-chart"
      viewBox={`0 0 ${box.width} ${box.height}`}
      role="img"
      aria-labelledby={`${props.id}-title`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <g class="grid">
        {g.gridLines.map((l) => (
          <>
            <line x1={String(g.plot.x0)} x2={String(g.plot.x1)} y1={String(l.y)} y2={String(l.y)} />
            <text x={String(g.plot.x0 - 4)} y={String(l.y + 3)} text-anchor="end">
              {props.format(l.value)}
            </text>
          </>
        ))}
      </g>
      <g class="bars">
        {g.bars.map((b) => (
          <rect x={String(b.x)} y={String(b.y)} width={String(b.width)} height={String(b.height)} />
        ))}
      </g>
      <g class="days">
        {g.xLabels.map((l) => (
          <text x={String(l.x)} y={String(box.height - 6)} text-anchor="middle">
            {props.dayLabel(l.label)}
          </text>
        ))}
      </g>
    </svg>
  );
}

const percent = (ctx: PageContext, t: PromiseTally) => {
  const share = shareKept(t);
  return share === null ? '—' : `${ctx.i18n.number(share * 100)} %`;
};

/** The business over the chosen period: chart, average times, promises kept, top products and destinations. */
export function BusinessSection(props: { ctx: PageContext; figures: BusinessFigures; periodError?: boolean }) {
  const { ctx, figures: f } = props;
  const { t, i18n } = ctx;
  const dayLabel = (day: string) => day.slice(5).replace('-', '/');
  const hours = (h: number | null) => (h === null ? '—' : t('dashboard.biz.hours', { n: i18n.number(h, 1) }));
  const cents = (v: number) => i18n.money(v).replace(/[.,]00$/, '');
  const promises: [string, PromiseTally][] = [
    [t('dashboard.biz.promiseQuote', { n: QUOTE_OVERDUE_HOURS }), f.promises.quote],
    [t('dashboard.biz.promiseTracking', { n: leadTimes.trackingOverdueDays }), f.promises.tracking],
    [t('dashboard.biz.promiseAfterSales'), f.promises.afterSales],
    [t('dashboard.biz.promiseAll'), sumTallies(f.promises.quote, f.promises.tracking, f.promises.afterSales)],
  ];
  return (
    <section class="business" aria-labelledby="business-title">
      <h2 id="business-title">{t('dashboard.biz.title')}</h2>
      <form method="get" action="/admin" class="business-period">
        <label for="period">{t('dashboard.biz.period')}</label>{' '}
        <select id="period" name="period">
          {businessPeriods.map((p) => (
            <option value={String(p)} selected={p === f.period}>
              {t('dashboard.biz.lastDays', { n: p })}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{t('dashboard.biz.show')}</button>
      </form>
      {props.periodError && (
        <p class="notice problem" role="alert">
          {t('dashboard.biz.badPeriod', { n: f.period })}
        </p>
      )}
      <p class="hint">
        {t('dashboard.biz.range', { from: i18n.date(f.from), until: i18n.date(f.until) })}{' '}
        {t('dashboard.biz.definitions')}
      </p>
      <ul class="attention business-totals">
        <li>
          <span class="count">{i18n.number(f.totals.orders)}</span>
          <span>{t('dashboard.biz.orders')}</span>
        </li>
        <li>
          <span class="count">{i18n.money(f.totals.approvedCents)}</span>
          <span>{t('dashboard.biz.revenue')}</span>
        </li>
      </ul>
      <h3>{t('dashboard.biz.revenuePerDay')}</h3>
      <BarChart
        id="chart-revenue"
        title={t('dashboard.biz.revenueChart', { n: f.period, total: i18n.money(f.totals.approvedCents) })}
        points={f.perDay.map((d) => ({ label: d.day, value: d.approvedCents }))}
        format={cents}
        dayLabel={dayLabel}
      />
      <h3>{t('dashboard.biz.ordersPerDay')}</h3>
      <BarChart
        id="chart-orders"
        title={t('dashboard.biz.ordersChart', { n: f.period, total: i18n.number(f.totals.orders) })}
        points={f.perDay.map((d) => ({ label: d.day, value: d.orders }))}
        format={(v) => i18n.number(v)}
        dayLabel={dayLabel}
      />
      <details>
        <summary>{t('dashboard.biz.dataTable')}</summary>
        <table class="business-days">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.biz.day')}</th>
              <th scope="col">{t('dashboard.biz.orders')}</th>
              <th scope="col">{t('dashboard.biz.revenue')}</th>
            </tr>
          </thead>
          <tbody>
            {f.perDay.map((d) => (
              <tr>
                <th scope="row">{i18n.date(new Date(`${d.day}T00:00:00Z`))}</th>
                <td>{i18n.number(d.orders)}</td>
                <td>{i18n.money(d.approvedCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <div class="grid-2">
        <div>
          <h3>{t('dashboard.biz.averages')}</h3>
          <dl class="business-averages">
            <dt>{t('dashboard.biz.timeToQuote')}</dt>
            <dd>{hours(f.avgHours.quote)}</dd>
            <dt>{t('dashboard.biz.timeToApprove')}</dt>
            <dd>{hours(f.avgHours.approve)}</dd>
            <dt>{t('dashboard.biz.timeToShip')}</dt>
            <dd>{hours(f.avgHours.ship)}</dd>
          </dl>
        </div>
        <div>
          <h3>{t('dashboard.biz.promises')}</h3>
          <table class="business-promises">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.biz.promise')}</th>
                <th scope="col">{t('dashboard.biz.kept')}</th>
                <th scope="col">{t('dashboard.biz.share')}</th>
              </tr>
            </thead>
            <tbody>
              {promises.map(([label, tally]) => (
                <tr>
                  <th scope="row">{label}</th>
                  <td>{t('dashboard.biz.keptOf', { kept: i18n.number(tally.kept), due: i18n.number(tally.due) })}</td>
                  <td>{percent(ctx, tally)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h3>{t('dashboard.biz.topProducts')}</h3>
          {f.topProducts.length === 0 ? (
            <p class="empty">{t('dashboard.biz.none')}</p>
          ) : (
            <table class="business-products">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.biz.product')}</th>
                  <th scope="col">{t('dashboard.biz.units')}</th>
                  <th scope="col">{t('dashboard.biz.goods')}</th>
                </tr>
              </thead>
              <tbody>
                {f.topProducts.map((p) => (
                  <tr>
                    <th scope="row" safe>
                      {p.name}
                    </th>
                    <td>{i18n.number(p.units)}</td>
                    <td>{i18n.money(p.goodsCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div>
          <h3>{t('dashboard.biz.topCountries')}</h3>
          {f.topCountries.length === 0 ? (
            <p class="empty">{t('dashboard.biz.none')}</p>
          ) : (
            <table class="business-countries">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.biz.country')}</th>
                  <th scope="col">{t('dashboard.biz.orders')}</th>
                  <th scope="col">{t('dashboard.biz.goods')}</th>
                </tr>
              </thead>
              <tbody>
                {f.topCountries.map((c) => (
                  <tr>
                    <th scope="row" safe>
                      {countryName(c.country, i18n.locale)}
                    </th>
                    <td>{i18n.number(c.orders)}</td>
                    <td>{i18n.money(c.goodsCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  );
}
