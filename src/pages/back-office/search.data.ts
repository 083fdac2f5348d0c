import { searchCustomers } from '../../modules/accounts/index.js';
import { searchProformas } from '../../modules/invoices/index.js';
import { searchOrders } from '../../modules/orders/index.js';
import { searchSerials } from '../../modules/packing/index.js';
import { searchPaymentReferences } from '../../modules/payments/index.js';
import type { Db } from '../../platform/db/client.js';

/** Every kind of key a person may have in hand, each answered by the module that owns it. */
export async function searchBackOffice(db: Db, q: string) {
  const [orders, proformas, payments, serials, customers] = await Promise.all([
    searchOrders(db, q),
    searchProformas(db, q),
    searchPaymentReferences(db, q),
    searchSerials(db, q),
    searchCustomers(db, q),
  ]);
  return { orders, proformas, payments, serials, customers };
}

export type SearchResults = Awaited<ReturnType<typeof searchBackOffice>>;

export const resultCount = (r: SearchResults) =>
  r.orders.length + r.proformas.length + r.payments.length + r.serials.length + r.customers.length;
