/**
 * A credit note in the PI's model, so the one PDF layout draws both (header, parties,
 * lines, totals, the box of how the money moved, notes, verification code and QR). Pure.
 */

import { countryName } from '../../platform/countries.js';
import { localePath } from '../../platform/http/locale.js';
import { en, type MessageKey } from '../../platform/i18n/en.js';
import { es } from '../../platform/i18n/es.js';
import { i18n, type Locale } from '../../platform/i18n/index.js';
import { amountInWords, groupCode, type ProformaModel } from '../invoices/index.js';
import type { Order } from '../orders/index.js';
import type { Settings } from '../settings/index.js';
import type { Refund, RefundPayment } from './refund.repo.js';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, es };
const text = (locale: Locale, key: MessageKey, params: Record<string, string | number> = {}) =>
  dictionaries[locale][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
const splitLines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export function buildCreditNoteModel(
  order: Order,
  refund: Refund,
  part: RefundPayment,
  seller: Pick<Settings, 'sellerName' | 'sellerAddress' | 'sellerEmail' | 'sellerPhone'>,
  locale: Locale,
  publicUrl: string,
): ProformaModel {
  const t = (key: MessageKey, params?: Record<string, string | number>) => text(locale, key, params);
  const fmt = i18n(locale);
  const description = t('creditNote.line', { number: order.number });
  return {
    locale,
    title: t('creditNote.title'),
    number: part.creditNoteNumber,
    seller: {
      heading: t('pi.seller'),
      name: seller.sellerName,
      lines: [
        ...splitLines(seller.sellerAddress),
        t('pi.contacts', { phone: seller.sellerPhone, email: seller.sellerEmail }),
      ],
    },
    buyer: {
      heading: t('pi.buyer'),
      name: order.fullName,
      lines: [
        order.company.trim(),
        ...splitLines(order.address),
        `${order.postalCode} ${order.city}`.trim(),
        countryName(order.country, locale),
        order.email,
        order.taxId.trim() && t('field.taxIdLine', { id: order.taxId.trim() }),
      ].filter(Boolean),
    },
    meta: [
      { label: t('creditNote.number'), value: part.creditNoteNumber },
      { label: t('pi.issueDate'), value: fmt.date(part.createdAt) },
      { label: t('pi.orderNumber'), value: order.number },
      { label: t('pi.paymentMethod'), value: refund.methodName },
    ],
    columns: {
      sku: t('pi.sku'),
      description: t('pi.description'),
      hsCode: t('pi.hsCode'),
      quantity: t('pi.quantity'),
      unitPrice: t('pi.unitPrice'),
      lineTotal: t('pi.lineTotal'),
    },
    lines: [
      {
        sku: order.number,
        description,
        hsCode: '',
        quantity: fmt.number(1),
        unitPrice: fmt.money(part.amountCents),
        lineTotal: fmt.money(part.amountCents),
      },
    ],
    totals: [
      { label: t('refund.amountDue'), value: fmt.money(refund.amountCents) },
      { label: t('creditNote.total'), value: fmt.money(part.amountCents), strong: true },
    ],
    inWords: { label: t('pi.inWords'), value: amountInWords(part.amountCents, locale) },
    payment: {
      heading: t('creditNote.paidTo'),
      name: refund.methodName,
      instructions: t('creditNote.transfer', { reference: part.reference, date: part.refundedOn }),
      accountDetails: part.toAccount,
    },
    notes: { heading: t('pi.notes'), items: [t('creditNote.note', { number: order.number })] },
    verify: {
      heading: t('creditNote.verifyTitle'),
      text: t('creditNote.verifyText', { url: `${publicUrl}${localePath(locale, '/verify')}` }),
      codeLabel: t('pi.verifyCode'),
      code: groupCode(part.creditNoteCode),
      url: `${publicUrl}${localePath(locale, `/verify/${part.creditNoteCode}`)}`,
    },
    pageLabel: t('pi.page'),
  };
}
