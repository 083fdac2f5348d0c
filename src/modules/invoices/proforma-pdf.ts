import {
  ACCENT,
  BOTTOM,
  type Doc,
  type Ensure,
  hairline,
  INK,
  M,
  MUTED,
  metaRows,
  openA4Pdf,
  pageFooters,
  tableHead,
  titleBlock,
  verifyBox,
  W,
} from '../../platform/pdf-page.js';
import type { ProformaModel } from './proforma.model.js';

/** Column widths of the lines table; they add up to W. */
const COLS = [
  { key: 'sku', width: 98, align: 'left' },
  { key: 'description', width: 158, align: 'left' },
  { key: 'hsCode', width: 52, align: 'left' },
  { key: 'quantity', width: 36, align: 'right' },
  { key: 'unitPrice', width: 78, align: 'right' },
  { key: 'lineTotal', width: W - 98 - 158 - 52 - 36 - 78, align: 'right' },
] as const;
/** SKUs in a monospaced face, small enough that 20 characters fit on one line. */
const SKU_SIZE = 7.5;

export interface PdfOptions {
  /** The QR code of the verify URL as a PNG. */
  qrPng: Buffer;
  /** Tests may turn stream compression off to read the raw PDF. */
  compress?: boolean;
}

/** Renders the PI model to an A4 PDF. Everything printed comes from the model. */
export async function renderProformaPdf(m: ProformaModel, opts: PdfOptions): Promise<Buffer> {
  const { doc, done, ensure } = await openA4Pdf({
    locale: m.locale,
    info: { Title: `${m.title} ${m.number}`, Author: m.seller.name, Subject: m.title },
    compress: opts.compress,
  });

  titleBlock(
    doc,
    { seller: m.seller.name, sellerLines: m.seller.lines, title: m.title, number: m.number },
    { split: 0.58, titleSize: 18 },
  );
  if (m.mark) banner(doc, m.mark);
  parties(doc, m);
  linesTable(doc, m, ensure);
  totals(doc, m, ensure);
  payment(doc, m, ensure);
  notes(doc, m, ensure);
  verifyBox(doc, m.verify, opts.qrPng, ensure, 'large');
  pageFooters(doc, `${m.seller.name} · ${m.title} ${m.number}`, m.pageLabel);
  doc.end();
  return done;
}

function parties(doc: Doc, m: ProformaModel) {
  const top = doc.y;
  const half = W / 2 - 10;
  doc.font('bold').fontSize(8).fillColor(MUTED).text(m.buyer.heading.toUpperCase(), M, top, { width: half });
  doc.font('bold').fontSize(10.5).fillColor(INK).text(m.buyer.name, { width: half });
  doc.font('sans').fontSize(9);
  for (const l of m.buyer.lines) doc.text(l, { width: half });
  const leftBottom = doc.y;

  const y = metaRows(doc, m.meta, M + W / 2 + 10, top, half);
  doc.x = M;
  doc.y = Math.max(leftBottom, y) + 12;
}

const cellFont = (doc: Doc, key: string) =>
  key === 'sku' ? doc.font('mono').fontSize(SKU_SIZE) : doc.font('sans').fontSize(8.5);

function linesTable(doc: Doc, m: ProformaModel, ensure: Ensure) {
  ensure(60);
  tableHead(
    doc,
    COLS,
    COLS.map((c) => m.columns[c.key]),
  );
  doc.font('sans').fontSize(8.5);
  for (const line of m.lines) {
    const h =
      Math.max(...COLS.map((c) => cellFont(doc, c.key).heightOfString(line[c.key], { width: c.width - 8 }))) + 6;
    if (doc.y + h > BOTTOM) {
      doc.addPage();
      tableHead(
        doc,
        COLS,
        COLS.map((c) => m.columns[c.key]),
      );
      doc.font('sans').fontSize(8.5);
    }
    const y = doc.y;
    let x = M;
    doc.fillColor(INK);
    for (const c of COLS) {
      cellFont(doc, c.key).text(line[c.key], x + 4, y + (c.key === 'sku' ? 0.8 : 0), {
        width: c.width - 8,
        align: c.align,
      });
      x += c.width;
    }
    hairline(doc, y + h - 3);
    doc.x = M;
    doc.y = y + h;
  }
  doc.y += 6;
}

function totals(doc: Doc, m: ProformaModel, ensure: Ensure) {
  const valueW = 110;
  const labelW = 250;
  const x = M + W - valueW - labelW;
  ensure(m.totals.length * 16 + 50);
  for (const r of m.totals) {
    const y = doc.y;
    const font = r.strong ? 'bold' : 'sans';
    doc
      .font(font)
      .fontSize(r.strong ? 10 : 9)
      .fillColor(INK);
    const h = doc.heightOfString(r.label, { width: labelW - 8 });
    doc.text(r.label, x, y, { width: labelW - 8, align: 'right' });
    doc.text(r.value, x + labelW, y, { width: valueW, align: 'right' });
    doc.y = y + Math.max(h, 12) + 4;
  }
  doc.x = M;
  doc.y += 4;
  doc.font('bold').fontSize(8.5).fillColor(MUTED).text(`${m.inWords.label}: `, M, doc.y, { continued: true, width: W });
  doc.font('sans').fillColor(INK).text(m.inWords.value, { width: W });
  doc.y += 10;
}

function payment(doc: Doc, m: ProformaModel, ensure: Ensure) {
  const inner = { width: W - 20 };
  const h =
    doc.font('bold').fontSize(8).heightOfString(m.payment.heading.toUpperCase(), inner) +
    doc.font('bold').fontSize(10).heightOfString(m.payment.name, inner) +
    doc.font('sans').fontSize(9).heightOfString(m.payment.instructions, inner) +
    (m.payment.accountDetails ? doc.font('mono').fontSize(9).heightOfString(m.payment.accountDetails, inner) + 3 : 0) +
    18;
  ensure(h + 10);
  const top = doc.y;
  doc.rect(M, top, W, h).lineWidth(0.8).strokeColor(ACCENT).stroke();
  doc
    .font('bold')
    .fontSize(8)
    .fillColor(MUTED)
    .text(m.payment.heading.toUpperCase(), M + 10, top + 8, { width: W - 20 });
  doc
    .font('bold')
    .fontSize(10)
    .fillColor(INK)
    .text(m.payment.name, { width: W - 20 });
  doc
    .font('sans')
    .fontSize(9)
    .text(m.payment.instructions, { width: W - 20 });
  if (m.payment.accountDetails)
    doc
      .font('mono')
      .fontSize(9)
      .text(m.payment.accountDetails, M + 10, doc.y + 3, { width: W - 20 });
  doc.x = M;
  doc.y = top + h + 12;
}

function notes(doc: Doc, m: ProformaModel, ensure: Ensure) {
  ensure(40);
  doc.font('bold').fontSize(8).fillColor(MUTED).text(m.notes.heading.toUpperCase(), M, doc.y, { width: W });
  doc.font('sans').fontSize(8).fillColor(INK);
  for (const n of m.notes.items) {
    ensure(doc.heightOfString(n, { width: W - 10 }) + 2);
    doc.text(`• ${n}`, M, doc.y, { width: W, indent: 0 });
  }
  doc.y += 12;
}

/** Paid (green) or cancelled (red): a band across the page under the header, in the flow. */
function banner(doc: Doc, mark: NonNullable<ProformaModel['mark']>) {
  const color = mark.kind === 'paid' ? '#15803d' : '#b91c1c';
  const top = doc.y;
  doc.roundedRect(M, top, W, 26, 3).lineWidth(1.5).strokeColor(color).stroke();
  doc
    .font('bold')
    .fontSize(13)
    .fillColor(color)
    .text(mark.text.toUpperCase(), M, top + 6, { width: W, align: 'center', lineBreak: false });
  doc.x = M;
  doc.y = top + 36;
}
