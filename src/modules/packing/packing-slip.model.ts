import { countryName } from '../../platform/countries.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import { type Locale, plainText } from '../../platform/i18n/index.js';
import type { PackingSlipData } from './packing-slip.data.js';

/**
 * What the packing slip prints, in the staff member's language: who it goes to, what is in
 * the shipment (quantities and the serial of each unit in force) and parcel by parcel its
 * seals and contents. No prices: the slip travels in the box.
 */
export interface PackingSlipModel {
  locale: Locale;
  title: string;
  seller: string;
  number: string;
  meta: { label: string; value: string }[];
  shipTo: { heading: string; name: string; lines: string[] };
  lines: { heading: string; columns: Record<'sku' | 'item' | 'quantity' | 'serials', string> };
  rows: { sku: string; item: string; quantity: string; serials: string }[];
  parcels: { heading: string; none: string; noUnits: string; sealsLabel: string; contentsLabel: string };
  parcelRows: { title: string; seals: string; contents: string[] }[];
  pageLabel: string;
}

export function buildPackingSlipModel(d: PackingSlipData, locale: Locale, seller: string): PackingSlipModel {
  const t = (key: MessageKey, params?: Record<string, string | number>) => plainText(locale, key, params);
  const o = d.order;
  const date = new Intl.DateTimeFormat(locale === 'es' ? 'es-ES' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
  const nameOfLine = new Map(d.lines.map((l) => [l.id, l.name]));
  const meta = [
    { label: t('slip.order'), value: o.number },
    { label: t('slip.date'), value: date.format(o.shippedAt ?? new Date()) },
    { label: t('slip.shipping'), value: t(`shipping.${o.shippingMethod}` as MessageKey) },
    ...(d.shipments.length
      ? [
          { label: t('slip.carrier'), value: [...new Set(d.shipments.map((s) => s.carrier))].join(', ') },
          { label: t('slip.tracking'), value: d.shipments.map((s) => s.trackingNumber).join(', ') },
        ]
      : []),
  ];
  return {
    locale,
    title: t('slip.title'),
    seller,
    number: o.number,
    meta,
    shipTo: {
      heading: t('slip.shipTo'),
      name: o.fullName,
      lines: [o.address, `${o.postalCode} ${o.city}`, countryName(o.country, locale), o.phone, o.email],
    },
    lines: {
      heading: t('slip.lines'),
      columns: {
        sku: t('slip.sku'),
        item: t('slip.item'),
        quantity: t('slip.quantity'),
        serials: t('slip.serials'),
      },
    },
    rows: d.lines.map((l) => ({
      sku: l.sku,
      item: l.name,
      quantity: String(l.quantity),
      serials: d.current
        .filter((u) => u.orderLineId === l.id)
        .map((u) => u.serialNumber)
        .join(', '),
    })),
    parcels: {
      heading: t('slip.parcels'),
      none: t('slip.noParcels'),
      noUnits: t('slip.noUnits'),
      sealsLabel: t('slip.seals'),
      contentsLabel: t('slip.contents'),
    },
    parcelRows: d.evidence.parcels.map((p) => ({
      title: t('slip.parcel', { n: p.position }),
      seals: p.sealNumbers.join(', '),
      contents: d.current
        .filter((u) => u.parcelId === p.id)
        .map((u) => `${nameOfLine.get(u.orderLineId) ?? ''} · ${u.serialNumber}`),
    })),
    pageLabel: t('slip.page'),
  };
}
