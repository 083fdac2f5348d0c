import type { DbOrTx } from '../../platform/db/client.js';
import type { Locale } from '../../platform/i18n/index.js';
import { findDepositAddress, type Order, orderLinesOf } from '../orders/index.js';
import { findPaymentMethod, listPaymentMethods, loadRecentlyChangedMethods } from '../payment-methods/index.js';
import { getSettings } from '../settings/index.js';
import { issueProforma } from './actions/issue-proforma.js';
import { buildProformaModel } from './proforma.model.js';
import { findProformaByCode } from './proforma.repo.js';
import { maskName, verifyOutcome } from './proforma.rules.js';

/** The order's PI (issued on first view) and the model both the page and the PDF render. */
export async function loadProforma(db: DbOrTx, order: Order, locale: Locale, publicUrl: string) {
  const pi = await issueProforma(db, order);
  const [lines, settings, method, deposit] = await Promise.all([
    orderLinesOf(db, order.id),
    getSettings(db),
    findPaymentMethod(db, order.paymentMethodId),
    findDepositAddress(db, order),
  ]);
  const payTo = method && { ...method, deposit };
  return { pi, model: buildProformaModel(order, lines, settings, payTo, pi, locale, publicUrl) };
}

/**
 * What the public verify page may show: the PI's own snapshot (number, date, total), the
 * buyer's initials, and the seller's payment details as they are now. Nothing else personal.
 */
export async function loadVerification(db: DbOrTx, code: string | null) {
  const [found, settings, methods] = await Promise.all([
    code ? findProformaByCode(db, code) : Promise.resolve(undefined),
    getSettings(db),
    listPaymentMethods(db, true),
  ]);
  // A method whose details changed lately says so: a buyer holding older details checks before paying.
  const changed = await loadRecentlyChangedMethods(db, methods, new Date());
  const outcome = verifyOutcome(found?.pi, found && { status: found.orderStatus, totalCents: found.orderTotalCents });
  return {
    outcome,
    sellerName: settings.sellerName,
    pi: found && {
      number: found.pi.number,
      issuedAt: found.pi.issuedAt,
      validUntil: found.pi.validUntil,
      totalCents: found.pi.totalCents,
      buyer: maskName(found.pi.buyerName),
    },
    methods: methods.map((m) => ({
      name: m.name,
      accountDetails: m.accountDetails,
      changedAt: changed.find((c) => c.id === m.id)?.changedAt,
    })),
  };
}

export type Verification = Awaited<ReturnType<typeof loadVerification>>;
