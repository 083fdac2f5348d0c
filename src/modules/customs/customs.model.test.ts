import { describe, expect, it } from 'vitest';
import type { PaperModel } from '../invoices/index.js';
import { buildCommercialInvoice, buildPackingList, type CustomsInput, parcelTotals } from './customs.model.js';

const parcel = (position: number, over: Partial<CustomsInput['parcels'][number]> = {}) => ({
  position,
  sealNumbers: [`S${position}`],
  netWeightGrams: 10_000,
  grossWeightGrams: 12_000,
  lengthMm: 500,
  widthMm: 300,
  heightMm: 400,
  units: [],
  ...over,
});

const input = (over: Partial<CustomsInput> = {}): CustomsInput => ({
  order: {
    number: 'HC-2026-000042',
    shippingMethod: 'sea_freight',
    fullName: 'Ana Castillo',
    phone: '+34 600 000 000',
    email: 'ana@example.es',
    country: 'ES',
    city: 'Madrid',
    address: 'Gran Vía 1',
    postalCode: '28013',
    goodsCents: 700_000,
    freightCents: 30_000,
    totalCents: 730_000,
    shippedAt: new Date('2026-03-01T10:00:00Z'),
    company: '',
    taxId: '',
  },
  lines: [
    {
      id: 1,
      sku: 'ANT-S21',
      name: 'Antminer S21',
      hsCode: '8471.50',
      quantity: 2,
      unitPriceCents: 300_000,
      customsDescription: 'ASIC mining machine',
      originCountry: 'CN',
    },
    {
      id: 2,
      sku: 'CAB-C13',
      name: 'C13 cable',
      hsCode: '8544.42',
      quantity: 10,
      unitPriceCents: 10_000,
      customsDescription: 'Power cable with connectors',
      originCountry: 'MY',
    },
  ],
  parcels: [
    parcel(1, {
      units: [
        { orderLineId: 1, serialNumber: 'SN-A' },
        { orderLineId: 1, serialNumber: 'SN-B' },
      ],
    }),
    parcel(2, { netWeightGrams: null }),
  ],
  seller: {
    sellerName: 'Hashcart Ltd.',
    sellerAddress: 'Kwun Tong\nHong Kong',
    sellerEmail: 's@h.example',
    sellerPhone: '+852 1',
    sellerTaxId: 'HK-1',
  },
  piNumber: 'PI-2026-000007',
  papers: { code: 'ABCDE23456', issuedAt: new Date('2026-03-02T00:00:00Z') },
  locale: 'en',
  publicUrl: 'https://shop.example',
  ...over,
});

const strings = (m: PaperModel) =>
  [
    m.title,
    m.number,
    ...m.parties.flatMap((p) => [p.heading, p.name, ...p.lines]),
    ...m.meta.flatMap((r) => [r.label, r.value]),
    ...m.sections.flatMap((s) =>
      s.kind === 'rows'
        ? s.rows.flatMap((r) => [r.label, r.value])
        : s.kind === 'table'
          ? [...s.rows.flat(), ...(s.totals ?? [])]
          : s.items,
    ),
    m.verify.code,
    m.verify.url,
  ].join(' | ');

describe('parcelTotals', () => {
  it('sums a figure only when every parcel has it: a partial sum would understate the shipment', () => {
    expect(parcelTotals([parcel(1), parcel(2)])).toEqual({ netGrams: 20_000, grossGrams: 24_000 });
    expect(parcelTotals([parcel(1), parcel(2, { netWeightGrams: null })])).toEqual({
      netGrams: null,
      grossGrams: 24_000,
    });
    expect(parcelTotals([])).toEqual({ netGrams: null, grossGrams: null });
  });
});

describe('commercial invoice', () => {
  it('states both parties with tax IDs, the PI incoterm, HS codes, origins, the real values and the serials', () => {
    const s = strings(buildCommercialInvoice(input()));
    for (const x of [
      'CI-HC-2026-000042',
      'Tax ID: HK-1',
      'Tax ID: not recorded',
      'Ana Castillo',
      'CFR Spain',
      'PI-2026-000007',
      '8471.50',
      '8544.42',
      'China',
      'Malaysia',
      '$3,000.00',
      '$6,000.00',
      '$300.00',
      '$7,300.00',
      'ANT-S21: SN-A, SN-B',
      '24 kg',
      'ABCDE-23456',
      'https://shop.example/verify/ABCDE23456',
    ]) {
      expect(s).toContain(x);
    }
    expect(s).not.toContain('CAB-C13:');
  });
  it("names the buyer's company and prints the tax ID entered at checkout", () => {
    const base = input();
    const m = buildCommercialInvoice(
      input({ order: { ...base.order, company: 'Minería Castillo S.L.', taxId: 'ESB12345678' } }),
    );
    expect(m.parties[1]?.lines).toContain('Minería Castillo S.L.');
    expect(m.parties[1]?.lines).toContain('Tax ID: ESB12345678');
    expect(strings(m)).not.toContain('not recorded');
  });
  it('is in Spanish with the same facts', () => {
    const s = strings(buildCommercialInvoice(input({ locale: 'es' })));
    for (const x of ['FACTURA COMERCIAL'.toLowerCase(), 'España', 'Malasia', 'Identificación fiscal: HK-1']) {
      expect(s.toLowerCase()).toContain(x.toLowerCase());
    }
  });
});

describe('packing list', () => {
  it('lists each package of the total with seals, contents, serials, weights and size; unknown weights say so', () => {
    const m = buildPackingList(input());
    const table = m.sections[0]!;
    expect(table.kind).toBe('table');
    if (table.kind !== 'table') return;
    expect(table.rows[0]).toEqual([
      '1 of 2',
      'S1',
      '2 × ANT-S21 ASIC mining machine\nSerials: SN-A, SN-B',
      '10 kg',
      '12 kg',
      '50 × 30 × 40',
    ]);
    expect(table.rows[1]![3]).toBe('not recorded');
    expect(table.totals).toEqual(['Total', '', '', 'not recorded', '24 kg', '']);
    expect(strings(m)).toContain('10 × CAB-C13 Power cable with connectors');
    expect(m.verify.code).toBe('ABCDE-23456');
  });
});
