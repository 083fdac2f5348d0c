import type { Db, DbOrTx } from '../../platform/db/client.js';
import { i18n, type Locale, type MessageKey, plainText } from '../../platform/i18n/index.js';
import { findProformaByOrder, maskName, qrPng, renderPaperPdf, type VerifiableDocument } from '../invoices/index.js';
import { type Order, orderLinesOf } from '../orders/index.js';
import { getSettings } from '../settings/index.js';
import {
  buildCommercialInvoice,
  buildPackingList,
  type CustomsInput,
  commercialInvoiceNumber,
} from './customs.model.js';
import { customsFactsOf, findCustomsPapersByCode, issueCustomsPapers, parcelsOf } from './customs.repo.js';

export type CustomsDocument = 'commercial-invoice' | 'packing-list';
export const customsDocuments: readonly CustomsDocument[] = ['commercial-invoice', 'packing-list'];

/** Everything both papers are drawn from: the order and its lines (the PI's prices), the catalog's customs facts, the parcels. */
export async function loadCustomsInput(
  db: DbOrTx,
  order: Order,
  locale: Locale,
  publicUrl: string,
): Promise<CustomsInput> {
  const [lines, parcels, seller, pi, papers] = await Promise.all([
    orderLinesOf(db, order.id),
    parcelsOf(db, order.id),
    getSettings(db),
    findProformaByOrder(db, order.id),
    issueCustomsPapers(db, order.id),
  ]);
  const facts = new Map((await customsFactsOf(db, [...new Set(lines.map((l) => l.productId))])).map((f) => [f.id, f]));
  return {
    order,
    lines: lines.map((l) => ({
      id: l.id,
      sku: l.sku,
      name: l.name,
      hsCode: l.hsCode,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      customsDescription: facts.get(l.productId)?.customsDescription ?? l.name,
      originCountry: facts.get(l.productId)?.originCountry ?? 'CN',
    })),
    parcels,
    seller,
    piNumber: pi?.number ?? null,
    papers,
    locale,
    publicUrl,
  };
}

export async function customsPdf(db: DbOrTx, order: Order, doc: CustomsDocument, locale: Locale, publicUrl: string) {
  const input = await loadCustomsInput(db, order, locale, publicUrl);
  const model = doc === 'commercial-invoice' ? buildCommercialInvoice(input) : buildPackingList(input);
  const body = await renderPaperPdf(model, { qrPng: await qrPng(model.verify.url) });
  return { body, filename: `${model.number}-${locale}.pdf` };
}

/** What /verify shows of customs papers: their number, date, packages and declared value; the buyer masked. */
export const verifiableCustomsPapers: VerifiableDocument = async (db: Db, code: string, locale: Locale) => {
  const found = await findCustomsPapersByCode(db, code);
  if (!found) return undefined;
  const t = (key: MessageKey, p?: Record<string, string>) => plainText(locale, key, p);
  const fmt = i18n(locale);
  const [{ sellerName }, parcels] = await Promise.all([getSettings(db), parcelsOf(db, found.papers.orderId)]);
  return {
    genuine: t('customs.verified', { seller: sellerName }),
    facts: [
      { label: t('customs.commercialInvoice'), value: commercialInvoiceNumber(found.number) },
      { label: t('pi.issueDate'), value: fmt.date(found.papers.issuedAt) },
      { label: t('pi.orderNumber'), value: found.number },
      { label: t('customs.packages'), value: fmt.number(parcels.length) },
      { label: t('customs.invoiceTotal'), value: found.totalCents === null ? '—' : fmt.money(found.totalCents) },
      { label: t('verify.buyer'), value: maskName(found.fullName) },
    ],
  };
};
