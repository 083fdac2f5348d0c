import type { PageContext } from '../../../platform/http/page-context.js';
import { Field, FormError, type FormState } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import type { RefundOfOrder } from '../refund.repo.js';
import { refundStatus, remainingCents } from '../refund.rules.js';

const tone = { due: 'problem', partly_refunded: 'staff', refunded: 'done' } as const;

/** What was refunded and what is still owed; `base` is /orders/N or /admin/orders/N (links to files). */
function RefundSummary({ ctx, r, base }: { ctx: PageContext; r: RefundOfOrder; base: string }) {
  const { t, i18n } = ctx;
  const status = refundStatus(r.refund);
  return (
    <>
      <p>
        <span class={`badge ${tone[status]}`}>{t(`refund.status.${status}`)}</span>
      </p>
      <dl class="refund-facts">
        <dt>{t('refund.amountDue')}</dt>
        <dd>{i18n.money(r.refund.amountCents)}</dd>
        <dt>{t('refund.refunded')}</dt>
        <dd>{i18n.money(r.refund.refundedCents)}</dd>
        <dt>{t('refund.method')}</dt>
        <dd safe>{r.refund.methodName}</dd>
      </dl>
      {r.parts.length > 0 && (
        <ul class="refund-parts">
          {r.parts.map((p) => (
            <li>
              <strong>{i18n.money(p.amountCents)}</strong> · <span safe>{p.refundedOn}</span> ·{' '}
              {t('refund.referenceShort')} <span safe>{p.reference}</span> · {t('refund.toAccountShort')}{' '}
              <span safe>{p.toAccount}</span>
              <br />
              <a href={`${base}/credit-notes/${p.id}.pdf`}>
                {t('creditNote.download', { number: p.creditNoteNumber })}
              </a>{' '}
              · <a href={`${base}/refunds/${p.id}/proof`}>{t('refund.proof')}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The buyer's order page: the refund owed to them and each transfer with its credit note. */
export function BuyerRefundSection({ ctx, number, r }: { ctx: PageContext; number: string; r?: RefundOfOrder }) {
  if (!r) return '';
  const { t } = ctx;
  return (
    <section class="card" aria-labelledby="refund-h" id="refund">
      <h2 id="refund-h">{t('refund.title')}</h2>
      <RefundSummary ctx={ctx} r={r} base={`/orders/${number}`} />
      {remainingCents(r.refund) > 0 && <p class="hint">{t('refund.buyerHint')}</p>}
    </section>
  );
}

/** The staff order page: the same, plus finance's form to record a transfer while something is owed. */
export function StaffRefundSection({
  ctx,
  number,
  r,
  canRecord,
  form,
}: {
  ctx: PageContext;
  number: string;
  r?: RefundOfOrder;
  canRecord: boolean;
  form?: FormState;
}) {
  if (!r) return '';
  const { t, i18n } = ctx;
  const remaining = remainingCents(r.refund);
  const error = form?.errors?.proof;
  return (
    <section class="card" aria-labelledby="refund-h" id="refund">
      <h2 id="refund-h">{t('refund.title')}</h2>
      <RefundSummary ctx={ctx} r={r} base={`/admin/orders/${number}`} />
      {canRecord && remaining > 0 && (
        <form
          method="post"
          action={`/admin/orders/${number}/refunds`}
          enctype="multipart/form-data"
          class="refund-form"
          novalidate
        >
          <CsrfField ctx={ctx} />
          <h3>{t('refund.record')}</h3>
          <p class="hint">{t('refund.remaining', { amount: i18n.money(remaining) })}</p>
          <FormError ctx={ctx} form={form} />
          <div class="grid-2">
            <Field
              ctx={ctx}
              form={form}
              idPrefix="rf"
              name="amount"
              label={t('refund.amount')}
              required
              attrs={{ inputmode: 'decimal' }}
            />
            <Field ctx={ctx} form={form} idPrefix="rf" name="reference" label={t('refund.reference')} required />
            <Field
              ctx={ctx}
              form={form}
              idPrefix="rf"
              name="refundedOn"
              type="date"
              label={t('refund.date')}
              required
            />
            <Field
              ctx={ctx}
              form={form}
              idPrefix="rf"
              name="toAccount"
              label={t('refund.toAccount')}
              hint={t('refund.toAccountHint')}
              required
            />
          </div>
          <div class={error ? 'field has-error' : 'field'}>
            <label for="rf-proof">{t('refund.proofFile')}</label>
            <input
              id="rf-proof"
              name="proof"
              type="file"
              accept="image/jpeg,image/png,image/webp,application/pdf"
              required
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'rf-proof-error' : undefined}
            />
            {error && (
              <p class="field-error" id="rf-proof-error">
                {t(error)}
              </p>
            )}
          </div>
          <button type="submit" class="primary">
            {t('refund.recordButton')}
          </button>
        </form>
      )}
    </section>
  );
}
