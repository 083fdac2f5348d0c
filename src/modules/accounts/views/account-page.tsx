import type { PageContext } from '../../../platform/http/page-context.js';
import { locales } from '../../../platform/i18n/index.js';
import { Field, FormError, type FormState, SelectField } from '../../../platform/views/form.js';
import { CsrfField, Layout } from '../../../platform/views/layout.js';
import { CardPage, NewPasswordField } from './account-parts.js';

export interface AccountView {
  fullName: string;
  email: string;
  phone: string | null;
  locale: string;
  sessions: { createdAt: Date; userAgent: string | null; current: boolean }[];
}
export type AccountForms = Partial<Record<'profile' | 'password' | 'email', FormState>>;

/** The account page: each section its own form, usable without JavaScript. */
export function AccountPage(props: { ctx: PageContext; a: AccountView; forms?: AccountForms; notice?: string }) {
  const { ctx, a, forms = {} } = props;
  const { t } = ctx;
  const others = a.sessions.filter((s) => !s.current).length;
  return (
    <Layout ctx={ctx} title={t('acct.accountTitle')}>
      <section class="narrow">
        <h1>{t('acct.accountTitle')}</h1>
        {props.notice && (
          <p class="notice" role="status">
            {props.notice}
          </p>
        )}
        <form method="post" action={ctx.href('/account/profile')} class="card" novalidate>
          <h2>{t('acct.profileTitle')}</h2>
          <CsrfField ctx={ctx} />
          <FormError ctx={ctx} form={forms.profile} />
          <Field
            ctx={ctx}
            form={forms.profile}
            idPrefix="p"
            name="fullName"
            label={t('field.fullName')}
            value={a.fullName}
            required
            autocomplete="name"
          />
          <Field
            ctx={ctx}
            form={forms.profile}
            idPrefix="p"
            name="phone"
            type="tel"
            label={t('acct.phone')}
            value={a.phone}
            autocomplete="tel"
          />
          <SelectField
            ctx={ctx}
            form={forms.profile}
            idPrefix="p"
            name="locale"
            label={t('acct.language')}
            options={locales.map((l) => ({ value: l, label: t(`locale.${l}`) }))}
            value={a.locale}
          />
          <button type="submit" class="primary">
            {t('acct.save')}
          </button>
        </form>

        <form method="post" action={ctx.href('/account/email')} class="card" novalidate>
          <h2>{t('acct.emailTitle')}</h2>
          <p>
            {t('acct.emailNow')} <strong safe>{a.email}</strong>
          </p>
          <CsrfField ctx={ctx} />
          <FormError ctx={ctx} form={forms.email} />
          <Field
            ctx={ctx}
            form={forms.email}
            idPrefix="e"
            name="email"
            type="email"
            label={t('acct.newEmail')}
            required
            autocomplete="email"
          />
          <Field
            ctx={ctx}
            form={forms.email}
            idPrefix="e"
            name="current"
            type="password"
            label={t('acct.currentPassword')}
            required
            autocomplete="current-password"
          />
          <button type="submit">{t('acct.emailButton')}</button>
        </form>

        <form method="post" action={ctx.href('/account/password')} class="card" novalidate>
          <h2>{t('acct.passwordTitle')}</h2>
          <CsrfField ctx={ctx} />
          <FormError ctx={ctx} form={forms.password} />
          <Field
            ctx={ctx}
            form={forms.password}
            idPrefix="w"
            name="current"
            type="password"
            label={t('acct.currentPassword')}
            required
            autocomplete="current-password"
          />
          <NewPasswordField
            ctx={ctx}
            form={forms.password}
            idPrefix="w"
            label={t('acct.newPassword')}
            hint={t('acct.newPasswordHint')}
          />
          <button type="submit">{t('acct.passwordButton')}</button>
          <p class="hint">{t('acct.passwordOthersEnd')}</p>
        </form>

        <section class="card">
          <h2>{t('acct.sessionsTitle')}</h2>
          <ul class="change-log">
            {a.sessions.map((s) => (
              <li>
                <time datetime={s.createdAt.toISOString()}>{ctx.i18n.dateTime(s.createdAt)}</time>{' '}
                <span safe>{s.userAgent ?? t('acct.unknownDevice')}</span>
                {s.current && <strong> · {t('acct.thisSession')}</strong>}
              </li>
            ))}
          </ul>
          {others > 0 && (
            <form method="post" action={ctx.href('/account/sessions/others')}>
              <CsrfField ctx={ctx} />
              <button type="submit">{t('acct.logOutOthers', { n: others })}</button>
            </form>
          )}
        </section>
      </section>
    </Layout>
  );
}

/** Opened from the mail to the new address: a button, so a mail scanner's prefetch changes nothing. */
export function ConfirmEmailPage({ ctx, token, email }: { ctx: PageContext; token: string; email: string }) {
  const { t } = ctx;
  return (
    <CardPage ctx={ctx} title={t('acct.emailTitle')}>
      <p>{t('acct.emailConfirmLead', { email })}</p>
      <form method="post" action={ctx.href('/account/email/confirm')}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="token" value={token} />
        <button type="submit" class="primary">
          {t('acct.emailConfirmButton')}
        </button>
      </form>
    </CardPage>
  );
}
