/**
 * PI PDF time: renders the proforma invoice of a 50-line order in this process (the
 * renderer the routes use, fonts and QR included), so the figure is the PDF work alone,
 * without HTTP or the database.
 */
import { buildProformaModel, qrPng, renderProformaPdf } from '../src/modules/invoices/index.js';
import type { SlotContext, SlotResult } from './slots.js';

const LINES = 50;

function model() {
  const lines = Array.from({ length: LINES }, (_, i) => ({
    sku: `BM-S21-${String(i + 1).padStart(3, '0')}`,
    name: `Antminer S21 Pro 234 TH/s, batch ${i + 1}`,
    hsCode: '8471.50',
    quantity: 1 + (i % 7),
    unitPriceCents: 389_000 + i * 100,
  }));
  const goods = lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
  const order = {
    number: 'HC-2026-000123',
    status: 'awaiting_payment',
    shippingMethod: 'sea_freight',
    fullName: 'Ana Castillo Núñez',
    phone: '+34 600 123 456',
    email: 'ana@example.test',
    country: 'ES',
    city: 'Málaga',
    address: 'Calle Larios 5, 3.º',
    postalCode: '29005',
    company: '',
    taxId: '',
    goodsCents: goods,
    freightCents: 245_000,
    totalCents: goods + 245_000,
    paidCents: 0,
    quoteNote: 'Two pallets.',
    quoteValidUntil: new Date('2026-12-31T00:00:00Z'),
  };
  const seller = {
    sellerName: 'Hashcart Mining Hardware Ltd.',
    sellerAddress: '88 Hoi Bun Road, Kwun Tong, Hong Kong',
    sellerEmail: 'sales@hashcart.example',
    sellerPhone: '+852 3000 0000',
  };
  const method = {
    name: 'Bank wire (SWIFT)',
    instructions: 'Send the exact total in USD.',
    accountDetails: 'Account: 012-345678-901\nSWIFT: EXAMHKHH',
  };
  const pi = {
    number: 'PI-2026-000123',
    code: 'ABCDEFGHJK',
    issuedAt: new Date(),
    validUntil: order.quoteValidUntil,
    totalCents: order.totalCents,
  };
  return buildProformaModel(order, lines, seller, method, pi, 'es', 'https://shop.example');
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

export async function piPdfTime(ctx: SlotContext): Promise<SlotResult> {
  const runs = ctx.quick ? 20 : 60;
  const m = model();
  const qr = await qrPng(m.verify.url);
  let bytes = (await renderProformaPdf(m, { qrPng: qr })).length; // warm-up: fonts read, code compiled
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    bytes = (await renderProformaPdf(m, { qrPng: qr })).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p50 = Math.round(pct(times, 0.5));
  const p95 = Math.round(pct(times, 0.95));
  return {
    summary: `${LINES}-line PI: p50 ${p50} ms, p95 ${p95} ms, ${Math.round(bytes / 1024)} KB (in-process, ${runs} runs)`,
    figures: { lines: LINES, p50Ms: p50, p95Ms: p95, bytes, runs },
  };
}
