import type { PageContext } from '../../../platform/http/page-context.js';
import { Field, FormError, type FormState } from '../../../platform/views/form.js';
import { CsrfField, Layout } from '../../../platform/views/layout.js';

export function ForgotPasswordPage({ ctx, form }: { ctx: PageContext; form?: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('acct.forgotTitle')}>
      <section class="narrow card">
        <h1>{t('acct.forgotTitle')}</h1>
        <p>{t('acct.forgotLead')}</p>
        <form method="post" action={ctx.href('/password/forgot')} novalidate>
          <CsrfField ctx={ctx} />
          <FormError ctx={ctx} form={form} />
          <Field
            ctx={ctx}
            form={form}
            name="email"
            type="email"
            label={t('field.email')}
            required
            autocomplete="email"
          />
          <button type="submit" class="primary">
            {t('acct.forgotButton')}
          </button>
        </form>
        <p>
          <a href="/login">{t('auth.loginLink')}</a>
        </p>
      </section>
    </Layout>
  );
}

/** The answer to every accepted request, whether or not the address has an account. */
export function ForgotSentPage({ ctx, hours }: { ctx: PageContext; hours: number }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('auth.checkInboxTitle')}>
      <section class="narrow card">
        <h1>{t('auth.checkInboxTitle')}</h1>
        <p>{t('acct.forgotSent', { hours })}</p>
        <p class="hint">{t('acct.forgotSentHint')}</p>
      </section>
    </Layout>
  );
}

export function ResetPasswordPage({ ctx, token, form }: { ctx: PageContext; token: string; form?: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('acct.resetTitle')}>
      <section class="narrow card">
        <h1>{t('acct.resetTitle')}</h1>
        <form method="post" action={ctx.href('/password/reset')} novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="token" value={token} />
          <FormError ctx={ctx} form={form} />
          <Field
            ctx={ctx}
            form={form}
            name="password"
            type="password"
            label={t('acct.newPassword')}
            required
            autocomplete="new-password"
            hint={t('acct.newPasswordHint')}
          />
          <button type="submit" class="primary">
            {t('acct.resetButton')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

/** An e-mailed link that is expired, used or mistyped: say so and offer the way to a new one. */
export function LinkInvalidPage({ ctx, again, againLabel }: { ctx: PageContext; again: string; againLabel: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('acct.linkInvalidTitle')}>
      <section class="narrow card">
        <h1>{t('acct.linkInvalidTitle')}</h1>
        <p role="alert">{t('acct.linkInvalidBody')}</p>
        <p>
          <a class="button primary" href={again}>
            {againLabel}
          </a>
        </p>
      </section>
    </Layout>
  );
}

export function PasswordChangedPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('acct.passwordChangedTitle')}>
      <section class="narrow card">
        <h1>{t('acct.passwordChangedTitle')}</h1>
        <p>{t('acct.passwordChangedBody')}</p>
        <p>
          <a class="button primary" href="/login">
            {t('auth.loginLink')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
