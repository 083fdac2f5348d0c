import type { PageContext } from '../../../platform/http/page-context.js';
import { CsrfField } from '../../../platform/views/layout.js';
import { ScrollTable } from '../../../platform/views/scroll-table.js';
import { checkDepositKey, deriveDepositAddress } from '../deposit-key.rules.js';
import type { PaymentMethod } from '../payment-method.repo.js';
import {
  changedFields,
  methodFieldLabels as fieldLabels,
  type MethodField,
  type PaymentMethodState,
} from '../payment-method.rules.js';
import type { DepositNetwork } from '../payment-method.tables.js';
import type { PaymentMethodChangeView } from '../payment-method-change.repo.js';

export function PendingChangesBanner({ ctx, changes }: { ctx: PageContext; changes: PaymentMethodChangeView[] }) {
  if (!changes.length) return '';
  const { t, i18n } = ctx;
  return (
    <section class="notice problem pending-changes" aria-labelledby="pending-changes-h">
      <h2 id="pending-changes-h">{t('payments.pendingTitle')}</h2>
      <ul>
        {changes.map((c) => (
          <li>
            {t('payments.pendingItem', {
              method: c.methodName,
              name: c.proposerName,
              date: i18n.dateTime(c.createdAt),
            })}{' '}
            <a href={`/admin/payment-methods#change-${c.id}`}>{t('payments.review')}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

const allFields = Object.keys(fieldLabels) as MethodField[];

function shown(ctx: PageContext, field: MethodField, v: unknown): string {
  if (field === 'depositNetwork') return ctx.t(`payments.depositNetwork.${(v as DepositNetwork | null) ?? 'none'}`);
  if (v === null || v === undefined) return field.endsWith('Cents') ? ctx.t('payments.noLimit') : '';
  if (typeof v === 'boolean') return ctx.t(v ? 'payments.yes' : 'payments.no');
  if (field.endsWith('Cents')) return ctx.i18n.money(Number(v));
  return String(v);
}

/** The fields a change touches, with their value now and as proposed (all of them for a new method). */
function changeRows(c: PaymentMethodChangeView, current?: PaymentMethodState) {
  const proposed = { ...(c.proposedTerms ?? current ?? c.previousTerms), accountDetails: c.proposedDetails };
  const row = (f: MethodField, now: Partial<PaymentMethodState> | undefined) => ({
    field: f,
    now: now?.[f] as unknown,
    next: proposed[f] as unknown,
    nowNetwork: now?.depositNetwork ?? null,
    nextNetwork: proposed.depositNetwork ?? null,
  });
  if (c.kind === 'create') return allFields.map((f) => row(f, undefined));
  const before = current ?? { ...c.previousTerms!, accountDetails: c.previousDetails! };
  const fields = c.proposedTerms
    ? changedFields(before, proposed as PaymentMethodState)
    : (['accountDetails'] as MethodField[]);
  return fields.map((f) => row(f, before));
}

/** A key's first receive address, for the admins to compare with their wallet before confirming. */
function FirstAddress({ ctx, network, v }: { ctx: PageContext; network: DepositNetwork | null; v: unknown }) {
  if (!network || typeof v !== 'string') return '';
  const key = checkDepositKey(network, v);
  if (!key.ok) return '';
  return (
    <p class="hint" safe>
      {ctx.t('payments.depositFirstAddress', { address: deriveDepositAddress(network, key.key, 0) })}
    </p>
  );
}

export const changedLabels = (ctx: PageContext, c: PaymentMethodChangeView) =>
  c.kind === 'create'
    ? ctx.t('payments.newMethod')
    : changeRows(c)
        .map((r) => ctx.t(fieldLabels[r.field]))
        .join(', ');

const Value = ({
  ctx,
  field,
  v,
  cls,
  network,
}: {
  ctx: PageContext;
  field: MethodField;
  v: unknown;
  cls?: string;
  network: DepositNetwork | null;
}) =>
  field === 'depositKey' ? (
    <>
      <pre class={`account ${cls ?? ''}`} safe>
        {shown(ctx, field, v)}
      </pre>
      <FirstAddress ctx={ctx} network={network} v={v} />
    </>
  ) : field === 'accountDetails' || field === 'instructions' ? (
    <pre class={`account ${cls ?? ''}`} safe>
      {shown(ctx, field, v)}
    </pre>
  ) : (
    <span class={cls} safe>
      {shown(ctx, field, v)}
    </span>
  );

/** One pending change side by side with the method as it is, with the buttons this user may press. */
export function PendingChangeCard({
  ctx,
  c,
  current,
}: {
  ctx: PageContext;
  c: PaymentMethodChangeView;
  current?: PaymentMethod;
}) {
  const { t, i18n, user } = ctx;
  const own = user?.id === c.proposedBy;
  const create = c.kind === 'create';
  return (
    <article class="card pending-change" id={`change-${c.id}`}>
      <h3>
        {create && `${t('payments.newMethod')}: `}
        <span safe>{c.methodName}</span>
      </h3>
      <p class="hint">
        {t('payments.pendingItem', { method: c.methodName, name: c.proposerName, date: i18n.dateTime(c.createdAt) })}
      </p>
      <ScrollTable label={c.methodName} class="data-table change-table">
        <thead>
          <tr>
            <th scope="col">{t('payments.field')}</th>
            {!create && <th scope="col">{t('payments.current')}</th>}
            <th scope="col">{t('payments.proposed')}</th>
          </tr>
        </thead>
        <tbody>
          {changeRows(c, current).map((r) => (
            <tr>
              <th scope="row">{t(fieldLabels[r.field])}</th>
              {!create && (
                <td data-label={t('payments.current')}>
                  <Value ctx={ctx} field={r.field} v={r.now} network={r.nowNetwork} />
                </td>
              )}
              <td data-label={t('payments.proposed')}>
                <Value ctx={ctx} field={r.field} v={r.next} cls="proposed" network={r.nextNetwork} />
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <p class="hint">{t('payments.pendingHint')}</p>
      <div class="actions">
        {user?.role === 'admin' && !own && (
          <form method="post" action={`/admin/payment-methods/changes/${c.id}/confirm`} class="inline">
            <CsrfField ctx={ctx} />
            <button type="submit" class="primary">
              {t('payments.confirm')}
            </button>
          </form>
        )}
        <form method="post" action={`/admin/payment-methods/changes/${c.id}/cancel`} class="inline">
          <CsrfField ctx={ctx} />
          <button type="submit" class="danger">
            {t('payments.cancelChange')}
          </button>
        </form>
      </div>
      {own ? (
        <p class="hint">{t('payments.waitingOther')}</p>
      ) : (
        user?.role !== 'admin' && <p class="hint">{t('payments.onlyAdminConfirms')}</p>
      )}
    </article>
  );
}

export const deciderOf = (ctx: PageContext, c: PaymentMethodChangeView) =>
  c.decidedOnConsole ? ctx.t('payments.operatorConsole') : (c.deciderName ?? '');

/** Confirmed changes of the last days, announced where finance and admins work. */
export function RecentChanges({ ctx, changes }: { ctx: PageContext; changes: PaymentMethodChangeView[] }) {
  if (!changes.length) return '';
  const { t, i18n } = ctx;
  return (
    <section class="notice recent-changes" aria-labelledby="recent-changes-h">
      <h2 id="recent-changes-h">{t('payments.recentTitle')}</h2>
      <ul>
        {changes.map((c) => (
          <li>
            {t('payments.recentItem', {
              method: c.methodName,
              fields: changedLabels(ctx, c),
              proposer: c.proposerName,
              decider: deciderOf(ctx, c),
              date: c.decidedAt ? i18n.dateTime(c.decidedAt) : '',
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
