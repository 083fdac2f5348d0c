import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type PDFDocument from 'pdfkit';
import { nodeModulesDir } from './paths.js';

/**
 * The one page every document of the shop is printed on (PI, credit note, trade papers,
 * packing slip): A4, its margins and ink, DejaVu fonts (Latin, Spanish and the symbols we
 * print; pdfkit embeds only the glyphs used, read once per process).
 */
export const A4 = { width: 595.28, height: 841.89 };
/** Margins, pt. */
export const M = 42;
export const W = A4.width - 2 * M;
const FOOTER = 28;
/** Where the body ends: the footer line sits below it. */
export const BOTTOM = A4.height - M - FOOTER;
export const INK = '#17202b';
export const MUTED = '#4f5b6a';
export const RULE = '#c9ced6';
export const ACCENT = '#0f766e';

export type Doc = InstanceType<typeof PDFDocument>;
/** Starts a new page when `h` points do not fit above the footer. */
export type Ensure = (h: number) => void;

const fontDir = join(nodeModulesDir, 'dejavu-fonts-ttf', 'ttf');
let fonts: Record<'sans' | 'bold' | 'mono', Buffer> | undefined;
const loadFonts = () =>
  (fonts ??= {
    sans: readFileSync(join(fontDir, 'DejaVuSans.ttf')),
    bold: readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')),
    mono: readFileSync(join(fontDir, 'DejaVuSansMono.ttf')),
  });

/**
 * A new A4 document with the fonts `sans`, `bold` and `mono` registered; `done` resolves
 * with its bytes once `doc.end()` is called. pdfkit is loaded on first use: it is ~20 MB of
 * resident memory that a process which never prints does not need.
 */
export async function openA4Pdf(opts: {
  locale: string;
  info: { Title: string; Author: string; Subject: string };
  /** Tests may turn stream compression off to read the raw PDF. */
  compress?: boolean;
}): Promise<{ doc: Doc; done: Promise<Buffer>; ensure: Ensure }> {
  const { default: PDF } = await import('pdfkit');
  const f = loadFonts();
  const doc = new PDF({
    size: 'A4',
    margins: { top: M, bottom: M, left: M, right: M },
    bufferPages: true,
    compress: opts.compress ?? true,
    lang: opts.locale,
    info: opts.info,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('sans', f.sans);
  doc.registerFont('bold', f.bold);
  doc.registerFont('mono', f.mono);
  const ensure: Ensure = (h) => {
    if (doc.y + h > BOTTOM) doc.addPage();
  };
  return { doc, done, ensure };
}

/** A thin full-width rule at the current line, then `gap` points down. */
export function rule(doc: Doc, gap = 10) {
  doc
    .moveTo(M, doc.y)
    .lineTo(M + W, doc.y)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke();
  doc.y += gap;
}

/**
 * The title block every document opens with: the seller (and its address lines) on the left, the
 * document's title and number on the right, then a rule. `split` is the seller's share of the width.
 */
export function titleBlock(
  doc: Doc,
  t: { seller: string; sellerLines?: readonly string[]; title: string; number: string },
  look: { split: number; titleSize: number },
) {
  const left = W * look.split;
  doc.font('bold').fontSize(13).fillColor(INK).text(t.seller, M, M, { width: left });
  doc.font('sans').fontSize(8.5).fillColor(MUTED);
  for (const l of t.sellerLines ?? []) doc.text(l, { width: left });
  const leftBottom = doc.y;
  doc
    .font('bold')
    .fontSize(look.titleSize)
    .fillColor(ACCENT)
    .text(t.title.toUpperCase(), M + left, M, { width: W - left, align: 'right' });
  doc
    .font('bold')
    .fontSize(11)
    .fillColor(INK)
    .text(t.number, { width: W - left, align: 'right' });
  doc.x = M;
  doc.y = Math.max(leftBottom, doc.y) + 10;
  rule(doc);
}

/** Label and value rows in a column at `x` (the document's meta: date, order, incoterm…); returns where they end. */
export function metaRows(
  doc: Doc,
  rows: readonly { label: string; value: string }[],
  x: number,
  top: number,
  width: number,
) {
  const labelW = 92;
  let y = top;
  for (const r of rows) {
    doc.font('sans').fontSize(8.5).fillColor(MUTED).text(r.label, x, y, { width: labelW });
    doc
      .font('bold')
      .fontSize(9)
      .fillColor(INK)
      .text(r.value, x + labelW, y, { width: width - labelW });
    y = Math.max(y + 13, doc.y + 1);
  }
  return y;
}

/** A table's header row: column labels on a grey band (drawn again at the top of every page the table runs onto). */
export function tableHead(
  doc: Doc,
  cols: readonly { width: number; align: 'left' | 'right' }[],
  labels: readonly string[],
) {
  const y = doc.y;
  doc.rect(M, y, W, 18).fillColor('#eef0f3').fill();
  let x = M;
  doc.font('bold').fontSize(8).fillColor(INK);
  cols.forEach((c, i) => {
    doc.text(labels[i] ?? '', x + 4, y + 5, { width: c.width - 8, align: c.align, lineBreak: false });
    x += c.width;
  });
  doc.x = M;
  doc.y = y + 22;
}

/** The hairline across the page at `y` that closes a table row. */
export function hairline(doc: Doc, y: number) {
  doc
    .moveTo(M, y)
    .lineTo(M + W, y)
    .lineWidth(0.3)
    .strokeColor(RULE)
    .stroke();
}

/** Looks of the verify box: the PI's large one and the trade papers' compact one. */
const VERIFY_LOOKS = {
  large: { qr: 84, headingTop: 10, textSize: 8.5, gap: 0.4 },
  compact: { qr: 76, headingTop: 8, textSize: 8, gap: 0.3 },
} as const;

/** The box that tells the reader how to check the document on the shop's own site: QR, code and address. */
export function verifyBox(
  doc: Doc,
  v: { heading: string; text: string; codeLabel: string; code: string; url: string },
  qrPng: Buffer,
  ensure: Ensure,
  look: keyof typeof VERIFY_LOOKS,
) {
  const { qr, headingTop, textSize, gap } = VERIFY_LOOKS[look];
  ensure(qr + 16);
  const top = doc.y;
  doc
    .rect(M, top, W, qr + 12)
    .fillColor('#f3f7f6')
    .fill();
  doc.image(qrPng, M + 6, top + 6, { width: qr, height: qr });
  const x = M + qr + 20;
  const w = W - qr - 30;
  doc
    .font('bold')
    .fontSize(10)
    .fillColor(INK)
    .text(v.heading, x, top + headingTop, { width: w });
  doc.font('sans').fontSize(textSize).fillColor(INK).text(v.text, { width: w });
  doc.moveDown(gap);
  doc.font('sans').fontSize(8.5).fillColor(MUTED).text(`${v.codeLabel}: `, { continued: true, width: w });
  doc.font('mono').fontSize(12).fillColor(INK).text(v.code, { width: w });
  doc.font('sans').fontSize(7.5).fillColor(ACCENT).text(v.url, { width: w, link: v.url });
  doc.x = M;
  doc.y = top + qr + 20;
}

/** On every page: `left` (seller · title number) and "Page n of total" (`pageLabel` with {n} and {total}). */
export function pageFooters(doc: Doc, left: string, pageLabel: string) {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Writing inside the bottom margin must not start yet another page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const label = pageLabel.replace('{n}', String(i + 1)).replace('{total}', String(range.count));
    doc.font('sans').fontSize(7.5).fillColor(MUTED);
    doc.text(left, M, A4.height - M - 10, { width: W * 0.7, lineBreak: false });
    doc.text(label, M + W * 0.7, A4.height - M - 10, { width: W * 0.3, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
