import type { PageContext } from '../../../platform/http/page-context.js';
import { Field, FormError, type FormState } from '../../../platform/views/form.js';
import { CsrfField, Layout } from '../../../platform/views/layout.js';

/** The invitee's page: the address and role were chosen by the admin; name and password are theirs. */
export function AcceptInvitationPage(props: {
  ctx: PageContext;
  token: string;
  invitation: { email: string; fullName: string | null; role: string };
  form?: FormState;
}) {
  const { ctx, token, invitation, form } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('acct.acceptTitle')}>
      <section class="narrow card">
        <h1>{t('acct.acceptTitle')}</h1>
        <p>{t('acct.acceptLead', { email: invitation.email, role: invitation.role })}</p>
        <form method="post" action="/invite" novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="token" value={token} />
          <FormError ctx={ctx} form={form} />
          <Field
            ctx={ctx}
            form={form}
            name="fullName"
            label={t('field.fullName')}
            value={invitation.fullName}
            required
            autocomplete="name"
          />
          <Field
            ctx={ctx}
            form={form}
            name="password"
            type="password"
            label={t('field.password')}
            required
            autocomplete="new-password"
            hint={t('acct.staffPasswordHint')}
          />
          <button type="submit" class="primary">
            {t('acct.acceptButton')}
          </button>
        </form>
      </section>
    </Layout>
  );
}
