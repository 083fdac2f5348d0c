import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { paymentMethods } from './payment.tables.js';

export type PaymentMethod = typeof paymentMethods.$inferSelect;

export async function findPaymentMethod(db: DbOrTx, id: number) {
  const [row] = await db.select().from(paymentMethods).where(eq(paymentMethods.id, id));
  return row;
}

export async function listPaymentMethods(db: DbOrTx, onlyActive = true) {
  return db
    .select()
    .from(paymentMethods)
    .where(onlyActive ? eq(paymentMethods.active, true) : undefined)
    .orderBy(asc(paymentMethods.sortOrder), asc(paymentMethods.id));
}

export type PaymentMethodFields = Omit<typeof paymentMethods.$inferInsert, 'id' | 'updatedAt'>;

export async function insertPaymentMethod(db: DbOrTx, fields: PaymentMethodFields) {
  const [row] = await db.insert(paymentMethods).values(fields).returning();
  return row!;
}

/**
 * Applies the fields that take effect at once. `updated_at` marks a change in how to pay
 * (buyers with an open quote are told), so it moves only when the instructions change.
 */
export async function updatePaymentMethodFields(
  db: DbOrTx,
  id: number,
  fields: Omit<PaymentMethodFields, 'accountDetails'>,
) {
  const [row] = await db
    .update(paymentMethods)
    .set({
      ...fields,
      updatedAt: sql`case when ${paymentMethods.instructions} is distinct from ${fields.instructions} then now() else ${paymentMethods.updatedAt} end`,
    })
    .where(eq(paymentMethods.id, id))
    .returning();
  return row;
}
