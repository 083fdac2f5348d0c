import type { PageContext } from '../../../platform/http/page-context.js';
import { Field, FormError, type FormState } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { CardPage } from './account-parts.js';

/** The second step of a staff login. */
export function TwoFactorPage({ ctx, form }: { ctx: PageContext; form?: FormState }) {
  const { t } = ctx;
  return (
    <CardPage ctx={ctx} title={t('acct.twoFactorTitle')}>
      <p>{t('acct.twoFactorLead')}</p>
      <form method="post" action={ctx.href('/login/two-factor')} novalidate>
        <CsrfField ctx={ctx} />
        <FormError ctx={ctx} form={form} />
        <Field
          ctx={ctx}
          form={form}
          name="code"
          label={t('acct.code')}
          required
          autocomplete="one-time-code"
          hint={t('acct.codeHint')}
          attrs={{ autofocus: true, spellcheck: 'false', autocapitalize: 'off' }}
        />
        <button type="submit" class="primary">
          {t('acct.verifyButton')}
        </button>
      </form>
    </CardPage>
  );
}

/** First login of a staff member: the secret as a QR code and as text, then the first code. */
export function EnrolPage(props: { ctx: PageContext; qr: string; secret: string; form?: FormState }) {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <CardPage ctx={ctx} title={t('acct.enrolTitle')}>
      <p>{t('acct.enrolLead')}</p>
      <ol>
        <li>{t('acct.enrolStep1')}</li>
        <li>
          {t('acct.enrolStep2')}
          <img class="qr" src={props.qr} width="200" height="200" alt={t('acct.qrAlt')} />
          <p>
            {t('acct.manualKey')} <code class="secret-key">{props.secret}</code>
          </p>
        </li>
        <li>{t('acct.enrolStep3')}</li>
      </ol>
      <form method="post" action={ctx.href('/login/two-factor/setup')} novalidate>
        <CsrfField ctx={ctx} />
        <FormError ctx={ctx} form={form} />
        <Field
          ctx={ctx}
          form={form}
          name="code"
          label={t('acct.code')}
          required
          autocomplete="one-time-code"
          attrs={{ inputmode: 'numeric', spellcheck: 'false' }}
        />
        <button type="submit" class="primary">
          {t('acct.enrolButton')}
        </button>
      </form>
    </CardPage>
  );
}

/** Shown once, right after enrolment: only their hashes are kept. */
export function RecoveryCodesPage({ ctx, codes, next }: { ctx: PageContext; codes: string[]; next: string }) {
  const { t } = ctx;
  return (
    <CardPage ctx={ctx} title={t('acct.recoveryTitle')}>
      <p>{t('acct.recoveryLead')}</p>
      <ul class="recovery-codes" aria-label={t('acct.recoveryTitle')}>
        {codes.map((c) => (
          <li safe>{c}</li>
        ))}
      </ul>
      <p class="notice">{t('acct.recoveryOnce')}</p>
      <p>
        <a class="button primary" href={next}>
          {t('acct.recoveryContinue')}
        </a>
      </p>
    </CardPage>
  );
}
