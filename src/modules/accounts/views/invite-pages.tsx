import type { PageContext } from '../../../platform/http/page-context.js';
import { Field, FormError, type FormState } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { CardPage, NewPasswordField } from './account-parts.js';

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
    <CardPage ctx={ctx} title={t('acct.acceptTitle')}>
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
        <NewPasswordField ctx={ctx} form={form} label={t('field.password')} hint={t('acct.staffPasswordHint')} />
        <button type="submit" class="primary">
          {t('acct.acceptButton')}
        </button>
      </form>
    </CardPage>
  );
}
