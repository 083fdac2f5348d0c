import { type Role, roles } from '../../../platform/auth/roles.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import { AdminShell } from '../../../platform/views/admin-shell.js';
import { FormError, type FormState, SelectField } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { ChangeList, type ChangeRow, Status } from './users-page.js';

export interface UserDetail {
  id: number;
  email: string;
  fullName: string;
  role: Role;
  active: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  twoFactor: boolean;
}

/** One user: their role, status and second factor, each change a small form of its own. */
export function UserDetailPage(props: {
  ctx: PageContext;
  u: UserDetail;
  changes: ChangeRow[];
  notice?: string;
  form?: FormState;
}) {
  const { ctx, u } = props;
  const { t } = ctx;
  const action = (what: string) => `/admin/users/${u.id}/${what}`;
  return (
    <AdminShell ctx={ctx} title={u.fullName}>
      <p>
        <a href="/admin/users">{t('acct.backToUsers')}</a>
      </p>
      <h1 safe>{u.fullName}</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <FormError ctx={ctx} form={props.form} />
      <dl class="facts">
        <dt>{t('field.email')}</dt>
        <dd safe>{u.email}</dd>
        <dt>{t('acct.status')}</dt>
        <dd>
          <Status ctx={ctx} u={u} />
        </dd>
        <dt>{t('acct.lastLogin')}</dt>
        <dd>{u.lastLoginAt ? ctx.i18n.dateTime(u.lastLoginAt) : t('acct.never')}</dd>
        <dt>{t('acct.since')}</dt>
        <dd>{ctx.i18n.date(u.createdAt)}</dd>
      </dl>
      <form method="post" action={action('role')} class="card">
        <CsrfField ctx={ctx} />
        <SelectField
          ctx={ctx}
          name="role"
          label={t('acct.role')}
          options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          value={u.role}
        />
        <button type="submit">{t('acct.changeRole')}</button>
        <p class="hint">{t('acct.sessionsEndHint')}</p>
      </form>
      <div class="card actions">
        <form method="post" action={action('active')}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="active" value={u.active ? 'false' : 'true'} />
          <button type="submit" class={u.active ? 'danger' : undefined}>
            {u.active ? t('acct.disable') : t('acct.enable')}
          </button>
        </form>
        {u.active && (
          <form method="post" action={action('reset-password')}>
            <CsrfField ctx={ctx} />
            <button type="submit">{t('acct.sendResetLink')}</button>
          </form>
        )}
        {u.twoFactor && (
          <form method="post" action={action('reset-two-factor')}>
            <CsrfField ctx={ctx} />
            <button type="submit">{t('acct.resetTwoFactor')}</button>
          </form>
        )}
      </div>
      <section>
        <h2>{t('acct.changesTitle')}</h2>
        <ChangeList ctx={ctx} changes={props.changes} />
      </section>
    </AdminShell>
  );
}
