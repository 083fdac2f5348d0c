import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/account.tables.js';

/** Where a watch-only deposit key's addresses live: Bitcoin, USDT on Ethereum (ERC-20), USDT on TRON (TRC-20). */
export const depositNetworks = ['btc', 'erc20', 'trc20'] as const;
export type DepositNetwork = (typeof depositNetworks)[number];

/** Payment methods configured by finance (bank wire, USDT, BTC, L/C, …). */
export const paymentMethods = pgTable(
  'payment_methods',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    instructions: text().notNull(),
    accountDetails: text().notNull(),
    // 64-bit like the order totals they are compared with.
    minOrderCents: bigint({ mode: 'number' }),
    maxOrderCents: bigint({ mode: 'number' }),
    largeOrderOnly: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    /** A watch-only account key: each quoted order gets its own address derived from it (ADR 0033). */
    depositNetwork: text({ enum: depositNetworks }),
    depositKey: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  () => [
    check(
      'payment_methods_deposit_check',
      sql`(deposit_network is null) = (deposit_key is null) and (deposit_network is null or deposit_network in ('btc', 'erc20', 'trc20'))`,
    ),
  ],
);

export const methodChangeStatuses = ['pending', 'confirmed', 'cancelled'] as const;
export const methodChangeKinds = ['create', 'update'] as const;

/**
 * Everything about a method a buyer acts on, besides its account details: what they are
 * told to do, whether and for which orders it is offered, and in which order.
 */
export interface PaymentMethodTerms {
  name: string;
  instructions: string;
  minOrderCents: number | null;
  maxOrderCents: number | null;
  largeOrderOnly: boolean;
  active: boolean;
  sortOrder: number;
  /** Absent in changes proposed before deposit keys existed: those leave the key as it is. */
  depositNetwork?: DepositNetwork | null;
  depositKey?: string | null;
}

/**
 * Proposed changes to where or how buyers pay: a new method, or new account details or
 * terms of an existing one. Forged or swapped payment details are the commonest fraud in
 * this trade, so a change applies only when a second admin (or the operator, from the
 * command line) confirms it; at most one change per method is pending at a time.
 * Rows from before terms were reviewed carry no terms: they changed account details only.
 */
export const paymentMethodChanges = pgTable(
  'payment_method_changes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: text({ enum: methodChangeKinds }).notNull().default('update'),
    /** Null while a proposed new method waits; set to the method it created once confirmed. */
    paymentMethodId: integer().references(() => paymentMethods.id, { onDelete: 'cascade' }),
    /** Null for a new method. */
    previousDetails: text(),
    proposedDetails: text().notNull(),
    previousTerms: jsonb().$type<PaymentMethodTerms>(),
    proposedTerms: jsonb().$type<PaymentMethodTerms>(),
    proposedBy: integer()
      .notNull()
      .references(() => users.id),
    status: text({ enum: methodChangeStatuses }).notNull().default('pending'),
    decidedBy: integer().references(() => users.id),
    /** Confirmed by the operator with `npm run payment-changes` (shops with a single admin). */
    decidedOnConsole: boolean().notNull().default(false),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('payment_method_changes_status_check', sql`status in ('pending', 'confirmed', 'cancelled')`),
    check('payment_method_changes_kind_check', sql`kind in ('create', 'update')`),
    check(
      'payment_method_changes_target_check',
      sql`(kind = 'create' and previous_details is null and previous_terms is null and proposed_terms is not null)
        or (kind = 'update' and payment_method_id is not null and previous_details is not null)`,
    ),
    check(
      'payment_method_changes_decider_check',
      sql`decided_by is null or decided_by <> proposed_by or status = 'cancelled'`,
    ),
    uniqueIndex('payment_method_changes_one_pending_idx').on(t.paymentMethodId).where(sql`status = 'pending'`),
    index('payment_method_changes_decided_idx').on(t.decidedAt),
  ],
);
