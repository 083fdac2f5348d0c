import type { MessageKey } from '../../platform/i18n/index.js';
import type { PaymentMethodTerms } from './payment-method.tables.js';

/** A method as a buyer meets it: its terms plus where the money goes. */
export interface PaymentMethodState extends PaymentMethodTerms {
  accountDetails: string;
}

export type MethodField = keyof PaymentMethodState;

/** Each field's label, on the review page and in the admins' mail. */
export const methodFieldLabels: Record<MethodField, MessageKey> = {
  name: 'admin.name',
  instructions: 'payments.instructions',
  accountDetails: 'payments.accountDetails',
  minOrderCents: 'payments.minOrder',
  maxOrderCents: 'payments.maxOrder',
  largeOrderOnly: 'payments.largeOrderOnly',
  active: 'payments.active',
  sortOrder: 'payments.sortOrder',
  depositNetwork: 'payments.depositNetwork',
  depositKey: 'payments.depositKey',
};

const fields: readonly MethodField[] = [
  'name',
  'instructions',
  'accountDetails',
  'minOrderCents',
  'maxOrderCents',
  'largeOrderOnly',
  'active',
  'sortOrder',
  'depositNetwork',
  'depositKey',
];

export const termsOf = (m: PaymentMethodTerms): PaymentMethodTerms => ({
  name: m.name,
  instructions: m.instructions,
  minOrderCents: m.minOrderCents,
  maxOrderCents: m.maxOrderCents,
  largeOrderOnly: m.largeOrderOnly,
  active: m.active,
  sortOrder: m.sortOrder,
  depositNetwork: m.depositNetwork ?? null,
  depositKey: m.depositKey ?? null,
});

/** The fields a proposal changes, in form order; empty means there is nothing to confirm. */
export function changedFields(current: PaymentMethodState, proposed: PaymentMethodState): MethodField[] {
  // Changes proposed before deposit keys existed carry no deposit fields: absent is none.
  return fields.filter((f) => (current[f] ?? null) !== (proposed[f] ?? null));
}

/**
 * Whether buyers quoted on this method must be told: what they are asked to do or where
 * the money goes changed. A rename, a limit or the display order does not ask them to act.
 */
export const changesHowToPay = (changed: readonly MethodField[]) =>
  changed.some((f) => f === 'instructions' || f === 'accountDetails' || f === 'depositKey' || f === 'depositNetwork');

/** How long buyers see "payment details changed recently" beside the method at checkout. */
export const RECENT_CHANGE_DAYS = 30;
