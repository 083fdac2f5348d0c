import type { PageContext } from '../../../platform/http/page-context.js';
import { Layout } from '../../../platform/views/layout.js';
import type { Verification } from '../proforma.data.js';

function CodeForm({ ctx, code, error }: { ctx: PageContext; code?: string; error?: boolean }) {
  const { t } = ctx;
  return (
    <form method="get" action={ctx.href('/verify')} class="card verify-form" novalidate>
      <div class={error ? 'field has-error' : 'field'}>
        <label for="f-code">{t('verify.code')}</label>
        <input
          id="f-code"
          name="code"
          value={code}
          required
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          maxlength="20"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'f-code-error' : undefined}
        />
        {error && (
          <p class="field-error" id="f-code-error">
            {t('verify.invalidCode')}
          </p>
        )}
      </div>
      <button type="submit" class="primary">
        {t('verify.submit')}
      </button>
    </form>
  );
}

/** The form to type a code (GET /verify), optionally with a format error. */
export function VerifyFormPage({
  ctx,
  sellerName,
  code,
  error,
}: {
  ctx: PageContext;
  sellerName: string;
  code?: string;
  error?: boolean;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('verify.title')}>
      <div class="verify">
        <h1>{t('verify.title')}</h1>
        <p>{t('verify.lead', { seller: sellerName })}</p>
        <CodeForm ctx={ctx} code={code} error={error} />
      </div>
    </Layout>
  );
}

/** A document of another module with the same code scheme (a credit note), as the verify page shows it. */
export interface OtherDocument {
  /** "Genuine: this credit note was issued by …", already in the reader's language. */
  genuine: string;
  facts: { label: string; value: string }[];
}

/** The answer for one code: genuine (with the PI's or the other document's snapshot) or plainly not ours. */
export function VerifyResultPage({ ctx, v, other }: { ctx: PageContext; v: Verification; other?: OtherDocument }) {
  const { t, i18n } = ctx;
  const genuine = v.outcome.kind === 'genuine' && v.pi;
  return (
    <Layout ctx={ctx} title={t('verify.title')}>
      <div class="verify">
        <h1>{t('verify.title')}</h1>
        {other ? (
          <>
            <p class="notice done" role="status">
              <strong safe>{other.genuine}</strong>
            </p>
            <section class="card">
              <h2>{t('verify.details')}</h2>
              <dl class="verify-facts">
                {other.facts.map((f) => (
                  <>
                    <dt safe>{f.label}</dt>
                    <dd safe>{f.value}</dd>
                  </>
                ))}
              </dl>
            </section>
          </>
        ) : genuine && v.pi ? (
          <>
            <p class="notice done" role="status">
              <strong>{t('verify.genuine', { seller: v.sellerName })}</strong>
            </p>
            {v.outcome.kind === 'genuine' && v.outcome.cancelled && (
              <p class="notice problem" role="alert">
                {t('verify.cancelled')}
              </p>
            )}
            {v.outcome.kind === 'genuine' && v.outcome.totalChanged && !v.outcome.cancelled && (
              <p class="notice problem" role="alert">
                {t('verify.totalChanged')}
              </p>
            )}
            <section class="card">
              <h2>{t('verify.details')}</h2>
              <dl class="verify-facts">
                <dt>{t('pi.number')}</dt>
                <dd safe>{v.pi.number}</dd>
                <dt>{t('pi.issueDate')}</dt>
                <dd>{i18n.date(v.pi.issuedAt)}</dd>
                {v.pi.validUntil && (
                  <>
                    <dt>{t('pi.validUntil')}</dt>
                    <dd>{i18n.date(v.pi.validUntil)}</dd>
                  </>
                )}
                <dt>{t('pi.total')}</dt>
                <dd>{i18n.money(v.pi.totalCents)}</dd>
                <dt>{t('verify.buyer')}</dt>
                <dd safe>{v.pi.buyer}</dd>
              </dl>
            </section>
          </>
        ) : (
          <div class="notice problem" role="alert">
            <p>
              <strong>{t('verify.fake', { seller: v.sellerName })}</strong>
            </p>
            <p>{t('verify.fakeHelp')}</p>
          </div>
        )}
        <section class="card">
          <h2>{t('verify.payTo')}</h2>
          <p>{t('verify.payToHint')}</p>
          <ul class="verify-methods">
            {v.methods.map((m) => (
              <li>
                <strong safe>{m.name}</strong>
                <pre class="account" safe>
                  {m.accountDetails}
                </pre>
                {m.changedAt && <p class="hint">{t('verify.changedOn', { date: i18n.date(m.changedAt) })}</p>}
              </li>
            ))}
          </ul>
        </section>
        <h2>{t('verify.another')}</h2>
        <CodeForm ctx={ctx} />
      </div>
    </Layout>
  );
}
