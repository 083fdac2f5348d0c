import { type Role, roles } from '../../../platform/auth/roles.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import { locales } from '../../../platform/i18n/index.js';
import { AdminShell } from '../../../platform/views/admin-shell.js';
import { Field, FormError, type FormState, SelectField } from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { ScrollTable } from '../../../platform/views/scroll-table.js';
import type { UserChangeKind } from '../account.tables.js';

export interface UserRow {
  id: number;
  email: string;
  fullName: string;
  role: Role;
  active: boolean;
  lastLoginAt: Date | null;
  twoFactor: boolean;
}
export interface ChangeRow {
  id: number;
  at: Date;
  email: string;
  kind: UserChangeKind;
  detail: string | null;
  actorName: string | null;
}
export interface InvitationRow {
  email: string;
  role: Role | null;
  expiresAt: Date;
}

const staffRoles = roles.filter((r) => r !== 'customer');

export function Status({ ctx, u }: { ctx: PageContext; u: { active: boolean; role: Role; twoFactor: boolean } }) {
  const { t } = ctx;
  if (!u.active) return <span class="badge problem">{t('acct.disabled')}</span>;
  if (u.role !== 'customer' && !u.twoFactor) return <span class="badge muted">{t('acct.noTwoFactorYet')}</span>;
  return <span class="badge done">{t('acct.active')}</span>;
}

/** Roles are stored as their codes ("sales", "sales → support") and shown in the reader's language. */
const roleNames = (ctx: PageContext, detail: string) =>
  detail.replace(/\b(customer|sales|finance|warehouse|support|admin)\b/g, (r) => ctx.t(`role.${r as Role}`));

export function ChangeList({ ctx, changes }: { ctx: PageContext; changes: ChangeRow[] }) {
  const { t } = ctx;
  if (!changes.length) return <p class="hint">{t('acct.noChanges')}</p>;
  return (
    <ul class="change-log">
      {changes.map((c) => (
        <li>
          <time datetime={c.at.toISOString()}>{ctx.i18n.dateTime(c.at)}</time>{' '}
          {t(`acct.change.${c.kind}`, {
            email: c.email,
            detail: roleNames(ctx, c.detail ?? ''),
            who: c.actorName ?? t('acct.system'),
          })}
        </li>
      ))}
    </ul>
  );
}

function InviteForm({ ctx, form }: { ctx: PageContext; form?: FormState }) {
  const { t } = ctx;
  return (
    <form method="post" action="/admin/users/invite" class="card" novalidate>
      <h2>{t('acct.inviteTitle')}</h2>
      <p class="hint">{t('acct.inviteLead')}</p>
      <CsrfField ctx={ctx} />
      <FormError ctx={ctx} form={form} />
      <Field ctx={ctx} form={form} idPrefix="inv" name="email" type="email" label={t('field.email')} required />
      <Field ctx={ctx} form={form} idPrefix="inv" name="fullName" label={t('field.fullName')} required />
      <SelectField
        ctx={ctx}
        form={form}
        idPrefix="inv"
        name="role"
        label={t('acct.role')}
        options={staffRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        value="sales"
      />
      <SelectField
        ctx={ctx}
        form={form}
        idPrefix="inv"
        name="locale"
        label={t('acct.mailLanguage')}
        options={locales.map((l) => ({ value: l, label: t(`locale.${l}`) }))}
        value={ctx.i18n.locale}
      />
      <button type="submit" class="primary">
        {t('acct.inviteButton')}
      </button>
    </form>
  );
}

export function UsersPage(props: {
  ctx: PageContext;
  q?: string;
  page: number;
  users: UserRow[];
  more: boolean;
  invitations: InvitationRow[];
  changes: ChangeRow[];
  notice?: string;
  inviteForm?: FormState;
}) {
  const { ctx, q, page, users, more } = props;
  const { t } = ctx;
  const link = (p: number) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <AdminShell ctx={ctx} title={t('acct.usersTitle')}>
      <h1>{t('acct.usersTitle')}</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <form method="get" action="/admin/users" role="search" class="inline-form">
        <label for="users-q">{t('acct.searchUsers')}</label>
        <input id="users-q" name="q" type="search" value={q ?? ''} />
        <button type="submit">{t('acct.search')}</button>
      </form>
      <ScrollTable label={t('acct.usersTitle')}>
        <thead>
          <tr>
            <th scope="col">{t('field.fullName')}</th>
            <th scope="col">{t('field.email')}</th>
            <th scope="col">{t('acct.role')}</th>
            <th scope="col">{t('acct.status')}</th>
            <th scope="col">{t('acct.lastLogin')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr>
              <td>
                <a href={`/admin/users/${u.id}`} safe>
                  {u.fullName}
                </a>
              </td>
              <td safe>{u.email}</td>
              <td>{t(`role.${u.role}`)}</td>
              <td>
                <Status ctx={ctx} u={u} />
              </td>
              <td>{u.lastLoginAt ? ctx.i18n.dateTime(u.lastLoginAt) : t('acct.never')}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {!users.length && <p>{t('acct.noUsers')}</p>}
      {(page > 1 || more) && (
        <nav class="pager" aria-label={t('listing.pages')}>
          {page > 1 && (
            <a href={link(page - 1)} rel="prev" class="button">
              {t('acct.previous')}
            </a>
          )}
          {more && (
            <a href={link(page + 1)} rel="next" class="button">
              {t('acct.next')}
            </a>
          )}
        </nav>
      )}
      <InviteForm ctx={ctx} form={props.inviteForm} />
      {props.invitations.length > 0 && (
        <section>
          <h2>{t('acct.pendingInvitations')}</h2>
          <ul>
            {props.invitations.map((i) => (
              <li>
                {t('acct.pendingInvitation', {
                  email: i.email,
                  role: i.role ? t(`role.${i.role}`) : '',
                  until: ctx.i18n.dateTime(i.expiresAt),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2>{t('acct.changesTitle')}</h2>
        <ChangeList ctx={ctx} changes={props.changes} />
      </section>
    </AdminShell>
  );
}
