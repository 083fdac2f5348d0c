import type { PageContext } from '../../../platform/http/page-context.js';
import type { MessageKey } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/views/layout.js';
import type { WarrantyAnswer } from '../warranty.data.js';

const stateTone = { in_warranty: 'done', expired: 'problem', not_delivered: '' } as const;

function SerialForm({ ctx, typed, error }: { ctx: PageContext; typed?: string; error?: string }) {
  const { t } = ctx;
  return (
    <form method="get" action={ctx.href('/warranty')} class="card verify-form" novalidate>
      <div class={error ? 'field has-error' : 'field'}>
        <label for="f-serial">{t('warranty.serial')}</label>
        <input
          id="f-serial"
          name="serial"
          value={typed}
          required
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          maxlength="64"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'f-serial-error' : 'f-serial-hint'}
        />
        {error ? (
          <p class="field-error" id="f-serial-error">
            {t(error as MessageKey)}
          </p>
        ) : (
          <p class="hint" id="f-serial-hint">
            {t('warranty.serialHint')}
          </p>
        )}
      </div>
      <button type="submit" class="primary">
        {t('warranty.submit')}
      </button>
    </form>
  );
}

function Answer({ ctx, a }: { ctx: PageContext; a: WarrantyAnswer }) {
  const { t, i18n } = ctx;
  if (!a.found)
    return (
      <p class="notice problem" role="status">
        {t('warranty.unknown', { serial: a.serial })}
      </p>
    );
  const verdict =
    a.state === 'in_warranty'
      ? t('warranty.inWarranty', { date: a.endsAt ? i18n.date(a.endsAt) : '' })
      : a.state === 'expired'
        ? t('warranty.expired', { date: a.endsAt ? i18n.date(a.endsAt) : '' })
        : t('warranty.notDelivered', { days: a.warrantyDays });
  return (
    <section class="card warranty-answer" aria-labelledby="warranty-unit">
      <p class={`notice ${stateTone[a.state]}`} role="status">
        <strong>{verdict}</strong>
      </p>
      <h2 id="warranty-unit" safe>
        {`${a.brand} ${a.model}`}
      </h2>
      <dl class="facts">
        <dt>{t('warranty.serial')}</dt>
        <dd safe>{a.serial}</dd>
        <dt>{t('warranty.product')}</dt>
        <dd safe>{a.productName}</dd>
        <dt>{t('warranty.shipped')}</dt>
        <dd>{a.shippedAt ? i18n.date(a.shippedAt) : '—'}</dd>
        <dt>{t('warranty.delivered')}</dt>
        <dd>{a.deliveredAt ? i18n.date(a.deliveredAt) : t('warranty.inTransit')}</dd>
        <dt>{t('warranty.length')}</dt>
        <dd>{t('spec.warrantyDays', { n: a.warrantyDays })}</dd>
        <dt>{t('warranty.endsOn')}</dt>
        <dd>{a.endsAt ? i18n.date(a.endsAt) : t('warranty.startsAtDelivery')}</dd>
      </dl>
      {a.testReport && (
        <p>
          <a class="button" href={a.testReport.path}>
            {t('testReport.download')}
          </a>
        </p>
      )}
      <h3>{t('warranty.history')}</h3>
      {a.cases.length === 0 ? (
        <p>{t('warranty.noCases')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('warranty.caseNumber')}</th>
              <th scope="col">{t('warranty.caseType')}</th>
              <th scope="col">{t('warranty.caseState')}</th>
              <th scope="col">{t('warranty.caseOpened')}</th>
              <th scope="col">{t('warranty.caseClosed')}</th>
            </tr>
          </thead>
          <tbody>
            {a.cases.map((c) => (
              <tr>
                <td safe>{c.number}</td>
                <td>{t(`caseType.${c.type}` as MessageKey)}</td>
                <td>{t(`caseState.${c.status}` as MessageKey)}</td>
                <td>{i18n.date(c.createdAt)}</td>
                <td>{c.closedAt ? i18n.date(c.closedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The public warranty check: the form, and the answer for a serial when one was asked. */
export function WarrantyPage({
  ctx,
  typed,
  error,
  answer,
}: {
  ctx: PageContext;
  typed?: string;
  error?: string;
  answer?: WarrantyAnswer;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('warranty.title')}>
      <div class="verify">
        <h1>{t('warranty.title')}</h1>
        <p>{t('warranty.lead')}</p>
        <SerialForm ctx={ctx} typed={typed} error={error} />
        {answer && <Answer ctx={ctx} a={answer} />}
      </div>
    </Layout>
  );
}
