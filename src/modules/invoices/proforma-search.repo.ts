import { desc, ilike } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import { containsPattern } from '../../platform/db/contains.js';
import { orderNumberOf } from '../orders/index.js';
import { proformaInvoices } from './proforma.tables.js';

/** Proforma invoices whose number (PI-<year>-<6 digits>) contains `q`, newest first (trigram index). */
export async function searchProformas(db: DbOrTx, q: string, limit = 10) {
  const matches = db
    .select({
      orderNumber: orderNumberOf(proformaInvoices.orderId).as('order_number'),
      number: proformaInvoices.number,
      buyerName: proformaInvoices.buyerName,
      totalCents: proformaInvoices.totalCents,
      issuedAt: proformaInvoices.issuedAt,
    })
    .from(proformaInvoices)
    .where(ilike(proformaInvoices.number, containsPattern(q)))
    .limit(50)
    .as('matches');
  return db.select().from(matches).orderBy(desc(matches.issuedAt)).limit(limit);
}
