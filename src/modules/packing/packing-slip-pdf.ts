import {
  ACCENT,
  BOTTOM,
  type Doc,
  hairline,
  INK,
  M,
  MUTED,
  metaRows,
  openA4Pdf,
  pageFooters,
  RULE,
  tableHead,
  titleBlock,
  W,
} from '../../platform/pdf-page.js';
import type { PackingSlipModel } from './packing-slip.model.js';

/** Lines table: SKU, item, quantity, serial numbers; they add up to W. */
const COLS = [
  { key: 'sku', width: 104, align: 'left' },
  { key: 'item', width: 170, align: 'left' },
  { key: 'quantity', width: 36, align: 'right' },
  { key: 'serials', width: W - 104 - 170 - 36, align: 'left' },
] as const;

/** Renders the packing slip to an A4 PDF. Everything printed comes from the model (no prices in it). */
export async function renderPackingSlipPdf(m: PackingSlipModel, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const { doc, done, ensure } = await openA4Pdf({
    locale: m.locale,
    info: { Title: `${m.title} ${m.number}`, Author: m.seller, Subject: m.title },
    compress: opts.compress,
  });

  titleBlock(doc, { seller: m.seller, title: m.title, number: m.number }, { split: 0.55, titleSize: 18 });
  parties(doc, m);
  linesTable(doc, m);
  parcels(doc, m, ensure);
  pageFooters(doc, `${m.seller} · ${m.title} ${m.number}`, m.pageLabel);
  doc.end();
  return done;
}

function parties(doc: Doc, m: PackingSlipModel) {
  const top = doc.y;
  const half = W / 2 - 10;
  doc.font('bold').fontSize(8).fillColor(MUTED).text(m.shipTo.heading.toUpperCase(), M, top, { width: half });
  doc.font('bold').fontSize(11).fillColor(INK).text(m.shipTo.name, { width: half });
  doc.font('sans').fontSize(9.5);
  for (const l of m.shipTo.lines) doc.text(l, { width: half });
  const leftBottom = doc.y;
  const y = metaRows(doc, m.meta, M + W / 2 + 10, top, half);
  doc.x = M;
  doc.y = Math.max(leftBottom, y) + 14;
}

function heading(doc: Doc, text: string) {
  doc.font('bold').fontSize(10).fillColor(INK).text(text.toUpperCase(), M, doc.y, { width: W });
  doc.y += 4;
}

const cellFont = (doc: Doc, key: string) =>
  key === 'sku' || key === 'serials' ? doc.font('mono').fontSize(8) : doc.font('sans').fontSize(9);

function linesTable(doc: Doc, m: PackingSlipModel) {
  if (doc.y + 60 > BOTTOM) doc.addPage();
  heading(doc, m.lines.heading);
  tableHead(
    doc,
    COLS,
    COLS.map((c) => m.lines.columns[c.key]),
  );
  for (const row of m.rows) {
    const h =
      Math.max(...COLS.map((c) => cellFont(doc, c.key).heightOfString(row[c.key] || ' ', { width: c.width - 8 }))) + 6;
    if (doc.y + h > BOTTOM) {
      doc.addPage();
      tableHead(
        doc,
        COLS,
        COLS.map((c) => m.lines.columns[c.key]),
      );
    }
    const y = doc.y;
    let x = M;
    doc.fillColor(INK);
    for (const c of COLS) {
      cellFont(doc, c.key).text(row[c.key], x + 4, y, { width: c.width - 8, align: c.align });
      x += c.width;
    }
    hairline(doc, y + h - 3);
    doc.x = M;
    doc.y = y + h;
  }
  doc.y += 12;
}

function parcels(doc: Doc, m: PackingSlipModel, ensure: (h: number) => void) {
  ensure(60);
  heading(doc, m.parcels.heading);
  if (m.parcelRows.length === 0) {
    doc.font('sans').fontSize(9).fillColor(MUTED).text(m.parcels.none, M, doc.y, { width: W });
    return;
  }
  const labelW = 70;
  for (const p of m.parcelRows) {
    const contents = p.contents.length ? p.contents : [m.parcels.noUnits];
    const textH = (s: string, font: 'sans' | 'mono') =>
      doc
        .font(font)
        .fontSize(9)
        .heightOfString(s, { width: W - labelW - 20 });
    const h = 16 + textH(p.seals || '–', 'mono') + contents.reduce((n, c) => n + textH(c, 'sans') + 2, 0) + 20;
    ensure(Math.min(h, BOTTOM - M));
    const top = doc.y;
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(ACCENT)
      .text(p.title, M + 8, top + 6, { width: W - 16 });
    let y = doc.y + 4;
    doc
      .font('sans')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(m.parcels.sealsLabel, M + 8, y, { width: labelW });
    doc
      .font('mono')
      .fontSize(9)
      .fillColor(INK)
      .text(p.seals || '–', M + 8 + labelW, y, { width: W - labelW - 20 });
    y = doc.y + 4;
    doc
      .font('sans')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(m.parcels.contentsLabel, M + 8, y, { width: labelW });
    doc.font('sans').fontSize(9).fillColor(INK);
    doc.y = y;
    for (const c of contents) {
      if (doc.y + 14 > BOTTOM) doc.addPage();
      doc.text(c, M + 8 + labelW, doc.y, { width: W - labelW - 20 });
      doc.y += 2;
    }
    const bottom = doc.y + 6;
    // The frame is drawn only when the parcel fits on one page (a long list just flows on).
    if (bottom > top)
      doc
        .rect(M, top, W, bottom - top)
        .lineWidth(0.6)
        .strokeColor(RULE)
        .stroke();
    doc.x = M;
    doc.y = bottom + 8;
  }
}
