import type { PageContext } from '../../../platform/http/page-context.js';
import { Field, FormError, type FormState } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import type { PaymentProof } from '../payment-proof.repo.js';

type BuyerProof = Pick<PaymentProof, 'id' | 'amountCents' | 'reference' | 'status' | 'rejectReason'>;

const tones: Record<PaymentProof['status'], string> = {
  approved: 'done',
  rejected: 'problem',
  pending: 'staff',
  superseded: 'muted',
};
const tone = (status: PaymentProof['status']) => tones[status];

export function ProofForm({ ctx, number, form }: { ctx: PageContext; number: string; form?: FormState }) {
  const { t } = ctx;
  const error = form?.errors?.proof;
  return (
    <form
      method="post"
      action={ctx.href(`/orders/${number}/proofs`)}
      enctype="multipart/form-data"
      class="card proof-form"
      novalidate
    >
      <CsrfField ctx={ctx} />
      <h2>{t('proof.title')}</h2>
      <FormError ctx={ctx} form={form} />
      <div class={error ? 'field has-error' : 'field'}>
        <label for="f-proof">{t('field.paymentProof')}</label>
        <input
          id="f-proof"
          name="proof"
          type="file"
          accept="image/jpeg,image/png,image/webp,application/pdf"
          required
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'f-proof-error' : 'f-proof-hint'}
        />
        <p class="hint" id="f-proof-hint">
          {t('proof.hint')}
        </p>
        {error && (
          <p class="field-error" id="f-proof-error">
            {t(error)}
          </p>
        )}
      </div>
      <div class="grid-2">
        <Field
          ctx={ctx}
          form={form}
          name="amount"
          label={t('field.amountPaid')}
          required
          attrs={{ inputmode: 'decimal' }}
        />
        <Field ctx={ctx} form={form} name="reference" label={t('field.transactionReference')} required />
        <Field ctx={ctx} form={form} name="paidOn" type="date" label={t('field.paymentDate')} required />
      </div>
      <button type="submit" class="primary">
        {t('action.uploadProof')}
      </button>
    </form>
  );
}

/** The buyer's proofs on their order page, each with its review state. */
export function BuyerProofList({ ctx, number, proofs }: { ctx: PageContext; number: string; proofs: BuyerProof[] }) {
  const { t, i18n } = ctx;
  if (proofs.length === 0) return '';
  return (
    <section>
      <h2>{t('proof.list')}</h2>
      <ul class="proofs">
        {proofs.map((p) => (
          <li>
            <a href={`/orders/${number}/proofs/${p.id}`}>{i18n.money(p.amountCents)}</a> ·{' '}
            <span safe>{p.reference}</span> · <span class={`badge ${tone(p.status)}`}>{t(`proof.${p.status}`)}</span>
            {p.rejectReason && (
              <span class="note" safe>
                {p.rejectReason}
              </span>
            )}
            {p.status === 'superseded' && <span class="note">{t('proof.supersededHint')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Finance's view of an order's proofs: the file, duplicate warnings and, while pending, approve or reject. */
export function StaffProofList(props: {
  ctx: PageContext;
  number: string;
  proofs: PaymentProof[];
  canReview: boolean;
  /** Where this order's payment must go (its own deposit address), shown beside each proof. */
  paidTo?: JSX.Element;
}) {
  const { ctx, number, proofs, canReview, paidTo } = props;
  if (proofs.length === 0) return '';
  return (
    <section>
      <h2>{ctx.t('proof.list')}</h2>
      <ul class="proof-list">
        {proofs.map((p) => (
          <ProofReview ctx={ctx} number={number} p={p} canReview={canReview} paidTo={paidTo} />
        ))}
      </ul>
    </section>
  );
}

function ProofReview({
  ctx,
  number,
  p,
  canReview,
  paidTo,
}: {
  ctx: PageContext;
  number: string;
  p: PaymentProof;
  canReview: boolean;
  paidTo?: JSX.Element;
}) {
  const { t, i18n } = ctx;
  const url = `/admin/orders/${number}/proofs/${p.id}`;
  return (
    <li class="card proof">
      <p>
        <strong>{i18n.money(p.amountCents)}</strong> · <span safe>{p.reference}</span> · <span safe>{p.paidOn}</span> ·{' '}
        <span class={`badge ${tone(p.status)}`}>{t(`proof.${p.status}`)}</span>
      </p>
      {paidTo}
      {p.status === 'superseded' && <p class="hint">{t('proof.supersededHint')}</p>}
      {p.duplicateOfOrder && (
        <p class="notice problem" role="alert">
          {t('proof.duplicate', { number: p.duplicateOfOrder })}
        </p>
      )}
      {p.mimeType === 'application/pdf' ? (
        <p>
          <a href={url}>{t('proof.openPdf')}</a>
        </p>
      ) : (
        <a href={url}>
          <img src={`${url}?inline=1`} alt={t('proof.image')} class="proof-image" />
        </a>
      )}
      {canReview && p.status === 'pending' && (
        <div class="review">
          <form method="post" action={`${url}/approve`}>
            <CsrfField ctx={ctx} />
            <button type="submit" class="primary">
              {t('action.approvePayment')}
            </button>
          </form>
          <form method="post" action={`${url}/reject`} class="inline-form">
            <CsrfField ctx={ctx} />
            <label for={`f-reason-${p.id}`}>{t('field.reason')}</label>
            <input id={`f-reason-${p.id}`} name="reason" required maxlength="1000" />
            <button type="submit" class="danger">
              {t('action.rejectPayment')}
            </button>
          </form>
        </div>
      )}
    </li>
  );
}
