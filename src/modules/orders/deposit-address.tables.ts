import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { depositNetworks, paymentMethods } from '../payment-methods/payment-method.tables.js';
import { orders } from './order.tables.js';

const networkCheck = (column: string) => sql.raw(`${column} in (${depositNetworks.map((n) => `'${n}'`).join(', ')})`);

/**
 * One row per watch-only key ever used, holding the next receive index to hand out. Keyed
 * by the key itself, not the method: two methods given the same key still never share an
 * address, and a key put back after a change continues where it stopped.
 */
export const depositKeys = pgTable(
  'deposit_keys',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    network: text({ enum: depositNetworks }).notNull(),
    extendedKey: text().notNull(),
    nextIndex: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('deposit_keys_key_unique').on(t.network, t.extendedKey),
    check('deposit_keys_network_check', networkCheck('network')),
    check('deposit_keys_next_index_check', sql`next_index >= 0 and next_index <= 2147483647`),
  ],
);

/** The address an order pays into: derived at its own index, never given to another order. */
export const depositAddresses = pgTable(
  'deposit_addresses',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .references(() => orders.id),
    paymentMethodId: integer()
      .notNull()
      .references(() => paymentMethods.id),
    depositKeyId: integer()
      .notNull()
      .references(() => depositKeys.id),
    derivationIndex: integer().notNull(),
    network: text({ enum: depositNetworks }).notNull(),
    address: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('deposit_addresses_key_index_unique').on(t.depositKeyId, t.derivationIndex),
    unique('deposit_addresses_order_method_unique').on(t.orderId, t.paymentMethodId),
    unique('deposit_addresses_address_unique').on(t.network, t.address),
    check('deposit_addresses_network_check', networkCheck('network')),
    check('deposit_addresses_index_check', sql`derivation_index >= 0`),
  ],
);
