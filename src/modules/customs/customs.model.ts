/**
 * The commercial invoice and the packing list of a shipment as paper models (pure). Both
 * state the goods as they are: the catalog's customs description, HS code and origin, the
 * quantities and the prices of the order (the PI's), the parcels as packed. There is no
 * input for a different name or value (DESIGN §4 "Customs paperwork").
 */
import { countryName } from '../../platform/countries.js';
import { i18n, type Locale, type MessageKey, plainText } from '../../platform/i18n/index.js';
import { groupCode, incotermFor, type PaperModel, type PaperRow } from '../invoices/index.js';
import type { Settings } from '../settings/index.js';

export interface CustomsOrder {
  number: string;
  shippingMethod: string;
  fullName: string;
  phone: string;
  email: string;
  country: string;
  city: string;
  address: string;
  postalCode: string;
  goodsCents: number;
  freightCents: number | null;
  totalCents: number | null;
  shippedAt: Date | null;
  /** As entered at checkout (optional): an empty tax ID is printed as "not recorded". */
  company: string;
  taxId: string;
}

export interface CustomsLine {
  id: number;
  sku: string;
  name: string;
  hsCode: string;
  quantity: number;
  unitPriceCents: number;
  customsDescription: string;
  originCountry: string;
}

export interface CustomsParcel {
  position: number;
  sealNumbers: string[];
  netWeightGrams: number | null;
  grossWeightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  /** Units in force packed in this parcel. */
  units: { orderLineId: number; serialNumber: string }[];
}

export type CustomsSeller = Pick<
  Settings,
  'sellerName' | 'sellerAddress' | 'sellerEmail' | 'sellerPhone' | 'sellerTaxId'
>;

export interface CustomsRecord {
  code: string;
  issuedAt: Date;
}

export interface CustomsInput {
  order: CustomsOrder;
  lines: CustomsLine[];
  parcels: CustomsParcel[];
  seller: CustomsSeller;
  piNumber: string | null;
  papers: CustomsRecord;
  locale: Locale;
  publicUrl: string;
}

export const commercialInvoiceNumber = (orderNumber: string) => `CI-${orderNumber}`;
export const packingListNumber = (orderNumber: string) => `PL-${orderNumber}`;

const splitLines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Totals of what was recorded; null when any parcel lacks the figure (a partial sum would mislead customs). */
export function parcelTotals(parcels: readonly CustomsParcel[]) {
  const sum = (pick: (p: CustomsParcel) => number | null) =>
    parcels.length && parcels.every((p) => pick(p) !== null)
      ? parcels.reduce((acc, p) => acc + (pick(p) ?? 0), 0)
      : null;
  return { netGrams: sum((p) => p.netWeightGrams), grossGrams: sum((p) => p.grossWeightGrams) };
}

function common(x: CustomsInput) {
  const t = (key: MessageKey, p?: Record<string, string | number>) => plainText(x.locale, key, p);
  const fmt = i18n(x.locale);
  const none = t('customs.notRecorded');
  const kg = (g: number | null) => (g === null ? none : `${fmt.number(g / 1000, 2)} kg`);
  const { order, seller } = x;
  const country = countryName(order.country, x.locale);
  const sellerLines = [
    ...splitLines(seller.sellerAddress),
    t('pi.contacts', { phone: seller.sellerPhone, email: seller.sellerEmail }),
    t('customs.taxId', { id: seller.sellerTaxId.trim() || none }),
  ];
  const parties = [
    { heading: t('customs.exporter'), name: seller.sellerName, lines: sellerLines },
    {
      heading: t('customs.consignee'),
      name: order.fullName,
      lines: [
        order.company.trim(),
        ...splitLines(order.address),
        `${order.postalCode} ${order.city}`.trim(),
        country,
        order.phone,
        order.email,
        t('customs.taxId', { id: order.taxId.trim() || none }),
      ].filter(Boolean),
    },
  ];
  const verify = {
    heading: t('customs.verifyTitle'),
    text: t('papers.verifyText', { url: `${x.publicUrl}/verify` }),
    codeLabel: t('pi.verifyCode'),
    code: groupCode(x.papers.code),
    url: `${x.publicUrl}/verify/${x.papers.code}`,
  };
  const serialsOf = (lineId: number) =>
    x.parcels.flatMap((p) => p.units.filter((u) => u.orderLineId === lineId).map((u) => u.serialNumber));
  return { t, fmt, none, kg, country, parties, verify, serialsOf };
}

export function buildCommercialInvoice(x: CustomsInput): PaperModel {
  const { t, fmt, kg, country, parties, verify, serialsOf } = common(x);
  const { order } = x;
  const incoterm = incotermFor(order.shippingMethod, country);
  const totals = parcelTotals(x.parcels);
  const origins = [...new Set(x.lines.map((l) => countryName(l.originCountry, x.locale)))];
  const freight = order.freightCents ?? 0;
  const meta: PaperRow[] = [
    { label: t('customs.date'), value: fmt.date(order.shippedAt ?? x.papers.issuedAt) },
    { label: t('pi.orderNumber'), value: order.number },
    ...(x.piNumber ? [{ label: t('pi.number'), value: x.piNumber }] : []),
    { label: t('pi.incoterm'), value: incoterm.text },
    { label: t('pi.shippingMethod'), value: t(`shipping.${order.shippingMethod}` as MessageKey) },
    { label: t('customs.destination'), value: country },
    { label: t('customs.origin'), value: origins.join(', ') },
    { label: t('customs.packages'), value: fmt.number(x.parcels.length) },
    { label: t('customs.grossTotal'), value: kg(totals.grossGrams) },
    { label: t('customs.currency'), value: 'USD' },
  ];
  return {
    locale: x.locale,
    title: t('customs.commercialInvoice'),
    number: commercialInvoiceNumber(order.number),
    seller: { name: x.seller.sellerName, lines: parties[0]!.lines },
    parties,
    meta,
    sections: [
      {
        kind: 'table',
        heading: t('customs.goods'),
        columns: [
          { label: t('customs.description'), share: 0.38 },
          { label: t('pi.hsCode'), share: 0.1 },
          { label: t('customs.originShort'), share: 0.12 },
          { label: t('pi.quantity'), share: 0.08, align: 'right' },
          { label: t('customs.unitValue'), share: 0.15, align: 'right' },
          { label: t('customs.totalValue'), share: 0.17, align: 'right' },
        ],
        rows: x.lines.map((l) => [
          `${l.customsDescription}\n${l.name} (${l.sku})`,
          l.hsCode,
          countryName(l.originCountry, x.locale),
          fmt.number(l.quantity),
          fmt.money(l.unitPriceCents),
          fmt.money(l.unitPriceCents * l.quantity),
        ]),
      },
      {
        kind: 'rows',
        heading: t('customs.value'),
        rows: [
          { label: t('pi.goods'), value: fmt.money(order.goodsCents) },
          { label: t('customs.freight', { incoterm: incoterm.text }), value: fmt.money(freight) },
          { label: t('customs.invoiceTotal'), value: fmt.money(order.totalCents ?? order.goodsCents + freight) },
        ],
      },
      {
        kind: 'list',
        heading: t('customs.serials'),
        items: x.lines
          .filter((l) => serialsOf(l.id).length > 0)
          .map((l) => `${l.sku}: ${serialsOf(l.id).join(', ')}`)
          .concat(x.lines.every((l) => serialsOf(l.id).length === 0) ? [t('customs.noSerials')] : []),
      },
      { kind: 'list', heading: t('pi.notes'), items: [t('customs.declaration')] },
    ],
    verify,
    pageLabel: t('pi.page'),
  };
}

export function buildPackingList(x: CustomsInput): PaperModel {
  const { t, fmt, none, kg, parties, verify } = common(x);
  const { order } = x;
  const totals = parcelTotals(x.parcels);
  const lineOf = new Map(x.lines.map((l) => [l.id, l]));
  const cm = (mm: number) => fmt.number(mm / 10, 1);
  const size = (p: CustomsParcel) =>
    p.lengthMm && p.widthMm && p.heightMm ? `${cm(p.lengthMm)} × ${cm(p.widthMm)} × ${cm(p.heightMm)}` : none;
  // What is in each parcel: its serial-numbered units by line; goods without serials are listed by line once.
  const contents = (p: CustomsParcel) => {
    const byLine = new Map<number, string[]>();
    for (const u of p.units) byLine.set(u.orderLineId, [...(byLine.get(u.orderLineId) ?? []), u.serialNumber]);
    return [...byLine]
      .map(([lineId, serials]) => {
        const l = lineOf.get(lineId);
        return `${serials.length} × ${l?.sku ?? '?'} ${l?.customsDescription ?? ''}\n${t('customs.serialsShort')}: ${serials.join(', ')}`;
      })
      .join('\n');
  };
  const withSerials = new Set(x.parcels.flatMap((p) => p.units.map((u) => u.orderLineId)));
  const loose = x.lines.filter((l) => !withSerials.has(l.id));
  return {
    locale: x.locale,
    title: t('customs.packingList'),
    number: packingListNumber(order.number),
    seller: { name: x.seller.sellerName, lines: parties[0]!.lines },
    parties,
    meta: [
      { label: t('customs.date'), value: fmt.date(order.shippedAt ?? x.papers.issuedAt) },
      { label: t('pi.orderNumber'), value: order.number },
      { label: t('customs.invoiceRef'), value: commercialInvoiceNumber(order.number) },
      { label: t('customs.packages'), value: fmt.number(x.parcels.length) },
      { label: t('customs.netTotal'), value: kg(totals.netGrams) },
      { label: t('customs.grossTotal'), value: kg(totals.grossGrams) },
    ],
    sections: [
      {
        kind: 'table',
        heading: t('customs.parcels'),
        columns: [
          { label: t('customs.package'), share: 0.1 },
          { label: t('customs.seals'), share: 0.16 },
          { label: t('customs.contents'), share: 0.4 },
          { label: t('customs.net'), share: 0.1, align: 'right' },
          { label: t('customs.gross'), share: 0.1, align: 'right' },
          { label: t('customs.dimensions'), share: 0.14, align: 'right' },
        ],
        rows: x.parcels.map((p) => [
          t('customs.packageOf', { n: p.position, total: x.parcels.length }),
          p.sealNumbers.join(', '),
          contents(p) || '—',
          kg(p.netWeightGrams),
          kg(p.grossWeightGrams),
          size(p),
        ]),
        totals: [t('customs.total'), '', '', kg(totals.netGrams), kg(totals.grossGrams), ''],
      },
      {
        kind: 'table',
        heading: t('customs.goods'),
        columns: [
          { label: t('customs.description'), share: 0.52 },
          { label: t('pi.hsCode'), share: 0.14 },
          { label: t('customs.originShort'), share: 0.2 },
          { label: t('pi.quantity'), share: 0.14, align: 'right' },
        ],
        rows: x.lines.map((l) => [
          `${l.customsDescription}\n${l.name} (${l.sku})`,
          l.hsCode,
          countryName(l.originCountry, x.locale),
          fmt.number(l.quantity),
        ]),
      },
      ...(loose.length
        ? [
            {
              kind: 'list' as const,
              heading: t('customs.looseGoods'),
              items: loose.map((l) => `${l.quantity} × ${l.sku} ${l.customsDescription}`),
            },
          ]
        : []),
    ],
    verify,
    pageLabel: t('pi.page'),
  };
}
