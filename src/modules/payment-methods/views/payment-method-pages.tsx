import { escapeHtml } from '@kitajs/html';
import { hasRole } from '../../../platform/auth/roles.js';
import type { PageContext } from '../../../platform/http/page-context.js';
import type { MessageKey } from '../../../platform/i18n/index.js';
import { centsToUsdInput } from '../../../platform/money.js';
import { AdminShell } from '../../../platform/views/admin-shell.js';
import {
  CheckboxField,
  Field,
  FormError,
  type FormState,
  SelectField,
  TextAreaField,
} from '../../../platform/views/form.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { ScrollTable } from '../../../platform/views/scroll-table.js';
import type { PaymentMethod } from '../payment-method.repo.js';
import { depositNetworks } from '../payment-method.tables.js';
import type { PaymentMethodChangeView } from '../payment-method-change.repo.js';
import { changedLabels, deciderOf, PendingChangeCard, PendingChangesBanner, RecentChanges } from './pending-changes.js';

export type Flash = 'saved' | 'proposed' | 'confirmed' | 'cancelled';
const flashes: Record<Flash, MessageKey> = {
  saved: 'payments.saved',
  proposed: 'payments.proposedNotice',
  confirmed: 'payments.confirmed',
  cancelled: 'payments.cancelled',
};

function FlashNotice({ ctx, flash }: { ctx: PageContext; flash?: Flash }) {
  return flash ? (
    <p class="notice done" role="status">
      {ctx.t(flashes[flash])}
    </p>
  ) : (
    ''
  );
}

/** The in-app announcement of pending changes (payment methods page and dashboard). */
const limits = (ctx: PageContext, { minOrderCents: min, maxOrderCents: max }: PaymentMethod) => {
  const { t, i18n } = ctx;
  if (min === null && max === null) return t('payments.noLimit');
  if (min === null) return t('payments.limitUpTo', { max: i18n.money(max!) });
  if (max === null) return t('payments.limitFrom', { min: i18n.money(min) });
  return `${i18n.money(min)} – ${i18n.money(max)}`;
};

export function PaymentMethodList({
  ctx,
  v: { methods, pending, recent },
  flash,
  error,
}: {
  ctx: PageContext;
  v: { methods: PaymentMethod[]; pending: PaymentMethodChangeView[]; recent: PaymentMethodChangeView[] };
  flash?: Flash;
  error?: MessageKey;
}) {
  const { t, i18n } = ctx;
  const byId = new Map(methods.map((m) => [m.id, m]));
  return (
    <AdminShell ctx={ctx} title={t('payments.title')}>
      <div class="toolbar">
        <h1>{t('payments.title')}</h1>
        <a href="/admin/payment-methods/new" class="button primary">
          {t('payments.new')}
        </a>
      </div>
      <p class="hint">{t('payments.lead')}</p>
      <FlashNotice ctx={ctx} flash={flash} />
      {error && (
        <p class="form-error" role="alert">
          {t(error)}
        </p>
      )}
      <PendingChangesBanner ctx={ctx} changes={pending} />
      {pending.map((c) => (
        <PendingChangeCard ctx={ctx} c={c} current={c.paymentMethodId ? byId.get(c.paymentMethodId) : undefined} />
      ))}
      <RecentChanges ctx={ctx} changes={recent} />
      {methods.length === 0 ? (
        <p class="empty">{t('payments.empty')}</p>
      ) : (
        <ScrollTable label={t('payments.title')} class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('payments.orderValue')}</th>
              <th scope="col">{t('payments.availability')}</th>
              <th scope="col" class="num">
                {t('payments.sortOrder')}
              </th>
              <th scope="col">{t('admin.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {methods.map((m) => (
              <tr>
                <td>
                  <a href={`/admin/payment-methods/${m.id}`} safe>
                    {m.name}
                  </a>
                </td>
                <td class="num nowrap">{limits(ctx, m)}</td>
                <td>
                  {m.active ? (
                    <span class="badge done">{t('payments.activeBadge')}</span>
                  ) : (
                    <span class="badge muted">{t('payments.inactive')}</span>
                  )}{' '}
                  {m.largeOrderOnly && <span class="badge staff">{t('payments.largeOnlyBadge')}</span>}{' '}
                  {pending.some((c) => c.paymentMethodId === m.id) && (
                    <span class="badge problem">{t('payments.pendingBadge')}</span>
                  )}
                </td>
                <td class="num">{String(m.sortOrder)}</td>
                <td>{i18n.date(m.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </AdminShell>
  );
}

export function PaymentMethodForm({
  ctx,
  m,
  pending,
  history = [],
  form,
  flash,
}: {
  ctx: PageContext;
  m?: PaymentMethod;
  pending?: PaymentMethodChangeView;
  history?: PaymentMethodChangeView[];
  form?: FormState;
  flash?: Flash;
}) {
  const { t, i18n } = ctx;
  const title = m ? escapeHtml(m.name) : t('payments.new');
  const usd = (cents: number | null | undefined) => (cents == null ? '' : centsToUsdInput(cents));
  return (
    <AdminShell ctx={ctx} title={title}>
      <p>
        <a href="/admin/payment-methods">{t('payments.backToList')}</a>
      </p>
      <h1>{title}</h1>
      <FlashNotice ctx={ctx} flash={flash} />
      {pending && <PendingChangeCard ctx={ctx} c={pending} current={m} />}
      <form
        method="post"
        action={m ? `/admin/payment-methods/${m.id}` : '/admin/payment-methods'}
        class="settings-form method-form"
        novalidate
      >
        <CsrfField ctx={ctx} />
        <FormError ctx={ctx} form={form} />
        <fieldset>
          <legend>{t('payments.howToPay')}</legend>
          <Field ctx={ctx} form={form} name="name" label={t('admin.name')} value={m?.name} required />
          <TextAreaField
            rows={5}
            ctx={ctx}
            form={form}
            name="instructions"
            label={t('payments.instructions')}
            value={m?.instructions ?? ''}
            hint={t('payments.instructionsHint')}
          />
          <TextAreaField
            rows={5}
            ctx={ctx}
            form={form}
            name="accountDetails"
            label={t('payments.accountDetails')}
            value={m?.accountDetails ?? ''}
            hint={t(m ? 'payments.accountDetailsHint' : 'payments.accountDetailsNewHint')}
          />
        </fieldset>
        <fieldset>
          <legend>{t('payments.deposit')}</legend>
          <p class="hint">{t('payments.depositHint')}</p>
          <SelectField
            ctx={ctx}
            form={form}
            name="depositNetwork"
            label={t('payments.depositNetwork')}
            placeholder={t('payments.depositNetwork.none')}
            options={depositNetworks.map((n) => ({ value: n, label: t(`payments.depositNetwork.${n}`) }))}
            value={m?.depositNetwork}
          />
          <Field
            ctx={ctx}
            form={form}
            name="depositKey"
            label={t('payments.depositKey')}
            value={m?.depositKey ?? ''}
            autocomplete="off"
            attrs={{ spellcheck: 'false', class: 'mono' }}
          />
        </fieldset>
        <fieldset>
          <legend>{t('payments.availability')}</legend>
          <Field
            ctx={ctx}
            form={form}
            name="minOrder"
            label={t('payments.minOrder')}
            value={usd(m?.minOrderCents)}
            hint={t('payments.limitHint')}
            attrs={{ inputmode: 'decimal' }}
          />
          <Field
            ctx={ctx}
            form={form}
            name="maxOrder"
            label={t('payments.maxOrder')}
            value={usd(m?.maxOrderCents)}
            hint={t('payments.limitHint')}
            attrs={{ inputmode: 'decimal' }}
          />
          <CheckboxField
            form={form}
            name="largeOrderOnly"
            label={t('payments.largeOrderOnly')}
            checked={m?.largeOrderOnly ?? false}
          />
          <CheckboxField form={form} name="active" label={t('payments.active')} checked={m?.active ?? true} />
          <Field
            ctx={ctx}
            form={form}
            name="sortOrder"
            label={t('payments.sortOrder')}
            type="number"
            value={m?.sortOrder ?? 0}
            hint={t('payments.sortOrderHint')}
          />
        </fieldset>
        <button type="submit" class="primary">
          {t('admin.save')}
        </button>
      </form>
      {history.length > 0 && (
        <section class="card">
          <h2>{t('payments.history')}</h2>
          <ScrollTable label={t('payments.history')} class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('payments.proposedAt')}</th>
                <th scope="col">{t('payments.proposedBy')}</th>
                <th scope="col">{t('payments.proposed')}</th>
                <th scope="col">{t('payments.status')}</th>
                <th scope="col">{t('payments.decidedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((c) => (
                <tr>
                  <td>{i18n.dateTime(c.createdAt)}</td>
                  <td safe>{c.proposerName}</td>
                  <td>
                    <span safe>{changedLabels(ctx, c)}</span>
                    {c.proposedDetails !== c.previousDetails && (
                      <pre class="account" safe>
                        {c.proposedDetails}
                      </pre>
                    )}
                  </td>
                  <td>
                    <span
                      class={`badge ${c.status === 'confirmed' ? 'done' : c.status === 'pending' ? 'problem' : 'muted'}`}
                    >
                      {t(`payments.status.${c.status}`)}
                    </span>
                  </td>
                  <td>
                    <span safe>{deciderOf(ctx, c)}</span>
                    {c.decidedAt && ` · ${i18n.dateTime(c.decidedAt)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </section>
      )}
    </AdminShell>
  );
}

/** Whether the dashboard should show the banner to this role. */
export const seesPaymentChanges = (role: Parameters<typeof hasRole>[0]) =>
  role !== 'customer' && hasRole(role, 'finance');
