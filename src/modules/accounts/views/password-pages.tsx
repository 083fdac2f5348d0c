import type { PageContext } from '../../../platform/http/page-context.js';
import { Field, FormError, type FormState } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { CardPage, NewPasswordField } from './account-parts.js';

export function ForgotPasswordPage({ ctx, form }: { ctx: PageContext; form?: FormState }) {
  const { t } = ctx;
  return (
    <CardPage ctx={ctx} title={t('acct.forgotTitle')}>
      <p>{t('acct.forgotLead')}</p>
      <form method="post" action={ctx.href('/password/forgot')} novalidate>
        <CsrfField ctx={ctx} />
        <FormError ctx={ctx} form={form} />
        <Field ctx={ctx} form={form} name="email" type="email" label={t('field.email')} required autocomplete="email" />
        <button type="submit" class="primary">
          {t('acct.forgotButton')}
        </button>
      </form>
      <p>
        <a href="/login">{t('auth.loginLink')}</a>
      </p>
    </CardPage>
  );
}

/** The answer to every accepted request, whether or not the address has an account. */
export function ForgotSentPage({ ctx, hours }: { ctx: PageContext; hours: number }) {
  const { t } = ctx;
  return (
    <CardPage ctx={ctx} title={t('auth.checkInboxTitle')}>
      <p>{t('acct.forgotSent', { hours })}</p>
      <p class="hint">{t('acct.forgotSentHint')}</p>
    </CardPage>
  );
}

export function ResetPasswordPage({ ctx, token, form }: { ctx: PageContext; token: string; form?: FormState }) {
  const { t } = ctx;
  return (
    <CardPage ctx={ctx} title={t('acct.resetTitle')}>
      <form method="post" action={ctx.href('/password/reset')} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="token" value={token} />
        <FormError ctx={ctx} form={form} />
        <NewPasswordField ctx={ctx} form={form} label={t('acct.newPassword')} hint={t('acct.newPasswordHint')} />
        <button type="submit" class="primary">
          {t('acct.resetButton')}
        </button>
      </form>
    </CardPage>
  );
}

/** An e-mailed link that is expired, used or mistyped: say so and offer the way to a new one. */
export function LinkInvalidPage({ ctx, again, againLabel }: { ctx: PageContext; again: string; againLabel: string }) {
  const { t } = ctx;
  return (
    <CardPage ctx={ctx} title={t('acct.linkInvalidTitle')}>
      <p role="alert">{t('acct.linkInvalidBody')}</p>
      <p>
        <a class="button primary" href={again}>
          {againLabel}
        </a>
      </p>
    </CardPage>
  );
}

export function PasswordChangedPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <CardPage ctx={ctx} title={t('acct.passwordChangedTitle')}>
      <p>{t('acct.passwordChangedBody')}</p>
      <p>
        <a class="button primary" href="/login">
          {t('auth.loginLink')}
        </a>
      </p>
    </CardPage>
  );
}
