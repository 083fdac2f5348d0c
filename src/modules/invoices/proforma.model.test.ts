import { describe, expect, it } from 'vitest';
import { qrPng } from '../../platform/qr.js';
import { pdfText } from './pdf-text.test-helper.js';
import { buildProformaModel, modelStrings, type PiLine, type PiOrder } from './proforma.model.js';
import { renderProformaPdf } from './proforma-pdf.js';

const order: PiOrder = {
  number: 'HC-2026-000042',
  status: 'awaiting_payment',
  shippingMethod: 'sea_freight',
  fullName: 'José Núñez',
  phone: '+34 600 123 456',
  email: 'jose@example.test',
  country: 'ES',
  city: 'Málaga',
  address: 'Calle Larios 5, 3.º',
  postalCode: '29005',
  company: 'Núñez Hosting S.L.',
  taxId: 'ESB29000001',
  goodsCents: 6_000_000,
  freightCents: 45_025,
  totalCents: 6_045_025,
  paidCents: 1_000_000,
  quoteNote: 'Two pallets, fumigated.',
  quoteValidUntil: new Date('2026-12-01T00:00:00Z'),
};
const lines: PiLine[] = [
  { sku: 'BM-S21', name: 'Antminer S21 200T', hsCode: '8471.50', quantity: 10, unitPriceCents: 500_000 },
  { sku: 'PSU-APW', name: 'Fuente APW12 — 3600 W', hsCode: '8504.40', quantity: 20, unitPriceCents: 50_000 },
];
const seller = {
  sellerName: 'Hashcart Ltd.',
  sellerAddress: '88 Hoi Bun Road\nKwun Tong, Hong Kong',
  sellerEmail: 'sales@hashcart.example',
  sellerPhone: '+852 3000 0000',
};
const method = { name: 'Bank wire (USD)', instructions: 'Pay the total.', accountDetails: 'IBAN HK00 1234 5678' };
const pi = {
  number: 'PI-2026-000007',
  code: 'ABCDEFGHJK',
  issuedAt: new Date('2026-11-20T10:00:00Z'),
  validUntil: order.quoteValidUntil,
  totalCents: 6_045_025,
};

describe('buildProformaModel', () => {
  const en = buildProformaModel(order, lines, seller, method, pi, 'en', 'https://shop.example');

  it('carries the order’s real values, in figures and in words', () => {
    expect(en.number).toBe('PI-2026-000007');
    expect(en.meta).toContainEqual({ label: 'Order number', value: 'HC-2026-000042' });
    expect(en.meta).toContainEqual({ label: 'Incoterm', value: 'CFR Spain' });
    expect(en.lines[0]).toEqual({
      sku: 'BM-S21',
      description: 'Antminer S21 200T',
      hsCode: '8471.50',
      quantity: '10',
      unitPrice: '$5,000.00',
      lineTotal: '$50,000.00',
    });
    expect(en.totals).toEqual([
      { label: 'Goods subtotal', value: '$60,000.00' },
      { label: 'Freight: Sea freight, CFR Spain', value: '$450.25' },
      { label: 'Total (USD)', value: '$60,450.25', strong: true },
      { label: 'Amount paid', value: '$10,000.00' },
      { label: 'Balance due', value: '$50,450.25', strong: true },
    ]);
    expect(en.inWords.value).toBe('Sixty thousand four hundred fifty US dollars and twenty-five cents');
    expect(en.seller.lines).toEqual([
      '88 Hoi Bun Road',
      'Kwun Tong, Hong Kong',
      'Tel. +852 3000 0000 · sales@hashcart.example',
    ]);
    expect(en.buyer.lines).toEqual([
      'Núñez Hosting S.L.',
      'Calle Larios 5, 3.º',
      '29005 Málaga',
      'Spain',
      '+34 600 123 456',
      'jose@example.test',
      'Tax ID: ESB29000001',
    ]);
    expect(en.payment).toMatchObject({ name: 'Bank wire (USD)', accountDetails: 'IBAN HK00 1234 5678' });
    expect(en.notes.items).toContain('Seller’s note: Two pallets, fumigated.');
    expect(en.verify).toMatchObject({ code: 'ABCDE-FGHJK', url: 'https://shop.example/verify/ABCDEFGHJK' });
    expect(en.mark).toBeUndefined();
  });

  it('is raw text: names with markup stay as typed (the page escapes, the PDF draws)', () => {
    const m = buildProformaModel(
      { ...order, fullName: '<b>Ana & Co</b>' },
      lines,
      seller,
      method,
      pi,
      'en',
      'https://shop.example',
    );
    expect(m.buyer.name).toBe('<b>Ana & Co</b>');
  });

  it('speaks Spanish', () => {
    const es = buildProformaModel(order, lines, seller, method, pi, 'es', 'https://shop.example');
    expect(es.title).toBe('Factura proforma');
    expect(es.meta).toContainEqual({ label: 'Incoterm', value: 'CFR España' });
    expect(es.inWords.value).toBe(
      'Sesenta mil cuatrocientos cincuenta dólares estadounidenses con veinticinco centavos',
    );
    expect(es.totals[2]?.value).toMatch(/60\.?450,25/);
    // The QR code and the link open the verify page in the reader's language.
    expect(es.verify.url).toBe('https://shop.example/es/verify/ABCDEFGHJK');
  });

  it('marks paid and cancelled orders', () => {
    expect(buildProformaModel({ ...order, paidCents: 6_045_025 }, lines, seller, method, pi, 'en', '').mark).toEqual({
      kind: 'paid',
      text: 'Paid',
    });
    expect(buildProformaModel({ ...order, status: 'cancelled' }, lines, seller, method, pi, 'en', '').mark?.kind).toBe(
      'cancelled',
    );
    const air = buildProformaModel({ ...order, shippingMethod: 'air_express' }, lines, seller, undefined, pi, 'en', '');
    expect(air.meta).toContainEqual({ label: 'Incoterm', value: 'CPT Spain' });
    expect(air.payment.instructions).toBe('Contact us for payment details before paying.');
  });
});

describe('renderProformaPdf', () => {
  it('draws every string of the model with the embedded font (Spanish accents included)', async () => {
    const es = buildProformaModel(order, lines, seller, method, pi, 'es', 'https://shop.example');
    const pdf = await renderProformaPdf(es, { qrPng: await qrPng(es.verify.url) });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/FontFile2/); // an embedded TrueType font, not a standard one
    const { text } = await pdfText(pdf);
    for (const s of modelStrings(es)) expect(text).toContain(s.replace(/\s+/g, ' '));
  });
});
