import type { PageContext } from '../../../platform/http/page-context.js';
import { Field, FormError, type FormState } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { CardPage, NewPasswordField } from './account-parts.js';

/** Carries "where to go next" and a pending cart item through login/registration. */
export interface Continuation {
  next?: string;
  addProduct?: number;
  addQuantity?: number;
}

function ContinuationFields({ c }: { c: Continuation }) {
  return (
    <>
      {c.next && <input type="hidden" name="next" value={c.next} />}
      {c.addProduct && <input type="hidden" name="addProduct" value={String(c.addProduct)} />}
      {c.addQuantity && <input type="hidden" name="addQuantity" value={String(c.addQuantity)} />}
    </>
  );
}

const query = (c: Continuation) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(c)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export function LoginPage({ ctx, form, c }: { ctx: PageContext; form?: FormState; c: Continuation }) {
  const { t } = ctx;
  return (
    <CardPage ctx={ctx} title={t('auth.loginTitle')}>
      {c.addProduct && <p class="notice">{t('auth.loginToAdd')}</p>}
      <form method="post" action={ctx.href('/login')} novalidate>
        <CsrfField ctx={ctx} />
        <ContinuationFields c={c} />
        <FormError ctx={ctx} form={form} />
        <Field
          ctx={ctx}
          form={form}
          name="email"
          type="email"
          label={t('field.email')}
          required
          autocomplete="username"
        />
        <Field
          ctx={ctx}
          form={form}
          name="password"
          type="password"
          label={t('field.password')}
          required
          autocomplete="current-password"
        />
        <button type="submit" class="primary">
          {t('auth.loginButton')}
        </button>
      </form>
      <p>
        <a href="/password/forgot">{t('acct.forgotLink')}</a>
      </p>
      <p>
        {t('auth.noAccount')} <a href={`/register${query(c)}`}>{t('auth.registerLink')}</a>
      </p>
    </CardPage>
  );
}

export function RegisterPage({ ctx, form, c }: { ctx: PageContext; form?: FormState; c: Continuation }) {
  const { t } = ctx;
  return (
    <CardPage ctx={ctx} title={t('auth.registerTitle')}>
      <form method="post" action={ctx.href('/register')} novalidate>
        <CsrfField ctx={ctx} />
        <ContinuationFields c={c} />
        <FormError ctx={ctx} form={form} />
        <Field ctx={ctx} form={form} name="fullName" label={t('field.fullName')} required autocomplete="name" />
        <Field ctx={ctx} form={form} name="email" type="email" label={t('field.email')} required autocomplete="email" />
        <NewPasswordField ctx={ctx} form={form} label={t('field.password')} hint={t('auth.passwordHint')} />
        <button type="submit" class="primary">
          {t('auth.registerButton')}
        </button>
      </form>
      <p>
        {t('auth.haveAccount')} <a href={`/login${query(c)}`}>{t('auth.loginLink')}</a>
      </p>
    </CardPage>
  );
}

/** The answer to every accepted registration form, whether or not the address has an account. */
export function RegisterSentPage({ ctx, hours }: { ctx: PageContext; hours: number }) {
  const { t } = ctx;
  return (
    <CardPage ctx={ctx} title={t('auth.checkInboxTitle')}>
      <p>{t('auth.checkInboxBody', { hours })}</p>
      <p class="hint">{t('auth.checkInboxHint')}</p>
    </CardPage>
  );
}

/** Opened from the e-mail link: a button, since following a link (or a mail scanner prefetching it) must not change anything. */
export function ConfirmRegistrationPage({ ctx, token, form }: { ctx: PageContext; token: string; form?: FormState }) {
  const { t } = ctx;
  return (
    <CardPage ctx={ctx} title={t('auth.confirmTitle')}>
      <form method="post" action={ctx.href('/register/confirm')} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="token" value={token} />
        <FormError ctx={ctx} form={form} />
        {!form && <p>{t('auth.confirmLead')}</p>}
        <button type="submit" class="primary">
          {t('auth.confirmButton')}
        </button>
      </form>
      {form && (
        <p>
          <a href="/register">{t('auth.registerLink')}</a> · <a href="/login">{t('auth.loginLink')}</a>
        </p>
      )}
    </CardPage>
  );
}
