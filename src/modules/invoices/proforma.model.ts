/**
 * The one model of a proforma invoice: plain, labelled strings. The HTML page and the
 * PDF both render this and nothing else, so they cannot disagree. Pure: no IO, and the
 * strings are raw text (the HTML view escapes them; the PDF draws them as they are).
 */

import { countryName } from '../../platform/countries.js';
import { localePath } from '../../platform/http/locale.js';
import { en, type MessageKey } from '../../platform/i18n/en.js';
import { es } from '../../platform/i18n/es.js';
import { i18n, type Locale } from '../../platform/i18n/index.js';
import type { DepositNetwork } from '../payment-methods/index.js';
import type { Settings } from '../settings/index.js';
import { amountInWords } from './amount-in-words.js';
import { groupCode, incotermFor, isPaidInFull } from './proforma.rules.js';

export interface PiOrder {
  number: string;
  status: string;
  shippingMethod: string;
  fullName: string;
  phone: string;
  email: string;
  country: string;
  city: string;
  address: string;
  postalCode: string;
  /** Entered at checkout, optional: empty when the buyer gave none. */
  company: string;
  taxId: string;
  goodsCents: number;
  freightCents: number | null;
  totalCents: number | null;
  paidCents: number;
  quoteNote: string | null;
  quoteValidUntil: Date | null;
}

export interface PiLine {
  sku: string;
  name: string;
  hsCode: string;
  quantity: number;
  unitPriceCents: number;
}

export type PiSeller = Pick<Settings, 'sellerName' | 'sellerAddress' | 'sellerEmail' | 'sellerPhone'>;
export interface PiMethod {
  name: string;
  instructions: string;
  accountDetails: string;
  /** The order's own deposit address, printed instead of the method's account details. */
  deposit?: { network: DepositNetwork; address: string };
}
export interface PiRecord {
  number: string;
  code: string;
  issuedAt: Date;
  validUntil: Date | null;
  totalCents: number;
}

export interface Row {
  label: string;
  value: string;
}

export interface ProformaModel {
  locale: Locale;
  title: string;
  number: string;
  seller: { heading: string; name: string; lines: string[] };
  buyer: { heading: string; name: string; lines: string[] };
  meta: Row[];
  columns: { sku: string; description: string; hsCode: string; quantity: string; unitPrice: string; lineTotal: string };
  lines: { sku: string; description: string; hsCode: string; quantity: string; unitPrice: string; lineTotal: string }[];
  totals: (Row & { strong?: boolean })[];
  inWords: Row;
  payment: { heading: string; name: string; instructions: string; accountDetails: string };
  notes: { heading: string; items: string[] };
  mark?: { kind: 'paid' | 'cancelled'; text: string };
  verify: { heading: string; text: string; codeLabel: string; code: string; url: string };
  /** "Page {n} of {total}" for the PDF footer. */
  pageLabel: string;
}

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, es };

/** Raw (unescaped) message text: the model is text, not HTML. */
function text(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}) {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

const splitLines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export function buildProformaModel(
  order: PiOrder,
  lines: PiLine[],
  seller: PiSeller,
  method: PiMethod | undefined,
  pi: PiRecord,
  locale: Locale,
  publicUrl: string,
): ProformaModel {
  const t = (key: MessageKey, params?: Record<string, string | number>) => text(locale, key, params);
  const fmt = i18n(locale);
  const total = order.totalCents ?? pi.totalCents;
  const country = countryName(order.country, locale);
  const incoterm = incotermFor(order.shippingMethod, country);
  const methodLabel = t(`shipping.${order.shippingMethod}` as MessageKey);
  const validUntil = pi.validUntil ?? order.quoteValidUntil;
  // The reader's language: a Spanish PDF's QR code and link open the Spanish page.
  const verifyUrl = `${publicUrl}${localePath(locale, `/verify/${pi.code}`)}`;

  const notes: string[] = [];
  if (validUntil) notes.push(t('pi.noteValidity', { date: fmt.date(validUntil), number: pi.number }));
  notes.push(t('pi.noteIncoterm'), t('pi.noteCustoms'));
  if (order.quoteNote?.trim()) notes.push(t('pi.noteSeller', { note: order.quoteNote.trim() }));

  const mark: ProformaModel['mark'] =
    order.status === 'cancelled'
      ? { kind: 'cancelled', text: t('pi.markCancelled') }
      : isPaidInFull(total, order.paidCents)
        ? { kind: 'paid', text: t('pi.markPaid') }
        : undefined;

  return {
    locale,
    title: t('pi.title'),
    number: pi.number,
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
        country,
        order.phone,
        order.email,
        order.taxId.trim() && t('field.taxIdLine', { id: order.taxId.trim() }),
      ].filter(Boolean),
    },
    meta: [
      { label: t('pi.number'), value: pi.number },
      { label: t('pi.issueDate'), value: fmt.date(pi.issuedAt) },
      ...(validUntil ? [{ label: t('pi.validUntil'), value: fmt.date(validUntil) }] : []),
      { label: t('pi.orderNumber'), value: order.number },
      { label: t('pi.shippingMethod'), value: methodLabel },
      { label: t('pi.incoterm'), value: incoterm.text },
      { label: t('pi.paymentMethod'), value: method?.name ?? '—' },
    ],
    columns: {
      sku: t('pi.sku'),
      description: t('pi.description'),
      hsCode: t('pi.hsCode'),
      quantity: t('pi.quantity'),
      unitPrice: t('pi.unitPrice'),
      lineTotal: t('pi.lineTotal'),
    },
    lines: lines.map((l) => ({
      sku: l.sku,
      description: l.name,
      hsCode: l.hsCode,
      quantity: fmt.number(l.quantity),
      unitPrice: fmt.money(l.unitPriceCents),
      lineTotal: fmt.money(l.unitPriceCents * l.quantity),
    })),
    totals: [
      { label: t('pi.goods'), value: fmt.money(order.goodsCents) },
      {
        label: t('pi.freight', { method: methodLabel, incoterm: incoterm.text }),
        value: fmt.money(order.freightCents ?? 0),
      },
      { label: t('pi.total'), value: fmt.money(total), strong: true },
      { label: t('pi.paid'), value: fmt.money(order.paidCents) },
      { label: t('pi.balance'), value: fmt.money(Math.max(0, total - order.paidCents)), strong: true },
    ],
    inWords: { label: t('pi.inWords'), value: amountInWords(total, locale) },
    payment: {
      heading: t('pi.paymentTitle'),
      name: method?.name ?? '—',
      instructions: method?.instructions ?? t('pi.paymentMissing'),
      accountDetails: method?.deposit
        ? `${t('deposit.pi', { network: t(`deposit.network.${method.deposit.network}`) })}\n${method.deposit.address}`
        : (method?.accountDetails ?? ''),
    },
    notes: { heading: t('pi.notes'), items: notes },
    mark,
    verify: {
      heading: t('pi.verifyTitle'),
      text: t('pi.verifyText', { url: `${publicUrl}${localePath(locale, '/verify')}` }),
      codeLabel: t('pi.verifyCode'),
      code: groupCode(pi.code),
      url: verifyUrl,
    },
    pageLabel: t('pi.page'),
  };
}

/** Every string the PDF and the page must both show (tests compare them). */
export function modelStrings(m: ProformaModel): string[] {
  return [
    m.title,
    m.number,
    m.seller.name,
    ...m.seller.lines,
    m.buyer.name,
    ...m.buyer.lines,
    ...m.meta.flatMap((r) => [r.label, r.value]),
    ...m.lines.flatMap((l) => [l.sku, l.description, l.hsCode, l.quantity, l.unitPrice, l.lineTotal]),
    ...m.totals.flatMap((r) => [r.label, r.value]),
    m.inWords.label,
    m.inWords.value,
    m.payment.name,
    ...splitLines(m.payment.accountDetails),
    m.verify.code,
  ];
}
