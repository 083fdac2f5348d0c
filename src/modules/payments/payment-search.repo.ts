import { desc, ilike } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { containsPattern } from '../../platform/db/contains.js';
import { orderNumberOf } from '../orders/index.js';
import { paymentProofs } from './payment.tables.js';

/** Payment proofs whose transaction reference (or hash) contains `q`, newest first (trigram index). */
export async function searchPaymentReferences(db: DbOrTx, q: string, limit = 10) {
  const matches = db
    .select({
      orderNumber: orderNumberOf(paymentProofs.orderId).as('order_number'),
      reference: paymentProofs.reference,
      amountCents: paymentProofs.amountCents,
      status: paymentProofs.status,
      createdAt: paymentProofs.createdAt,
    })
    .from(paymentProofs)
    .where(ilike(paymentProofs.reference, containsPattern(q)))
    .limit(50)
    .as('matches');
  return db.select().from(matches).orderBy(desc(matches.createdAt)).limit(limit);
}
