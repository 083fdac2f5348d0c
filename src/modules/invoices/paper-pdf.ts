import {
  BOTTOM,
  type Doc,
  type Ensure,
  hairline,
  INK,
  M,
  MUTED,
  openA4Pdf,
  pageFooters,
  titleBlock,
  verifyBox,
  W,
} from '../../platform/pdf-page.js';

/**
 * A plain trade paper (unit test report, commercial invoice, packing list): the PI's look
 * (fonts, margins, colours, verification box) for documents that are facts and tables
 * rather than a bill. Everything printed comes from the model; the model is raw text.
 */
export interface PaperRow {
  label: string;
  value: string;
}
export interface PaperColumn {
  label: string;
  /** Share of the page width; a table's shares add up to 1. */
  share: number;
  align?: 'left' | 'right';
}
export type PaperSection =
  | { kind: 'rows'; heading: string; rows: PaperRow[] }
  | { kind: 'table'; heading: string; columns: PaperColumn[]; rows: string[][]; totals?: string[] }
  | { kind: 'list'; heading: string; items: string[] };

export interface PaperModel {
  locale: string;
  title: string;
  number: string;
  seller: { name: string; lines: string[] };
  parties: { heading: string; name: string; lines: string[] }[];
  meta: PaperRow[];
  sections: PaperSection[];
  verify: { heading: string; text: string; codeLabel: string; code: string; url: string };
  /** "Page {n} of {total}". */
  pageLabel: string;
}

/** Renders a paper model to an A4 PDF; `qrPng` is the QR code of the verify URL. */
export async function renderPaperPdf(m: PaperModel, opts: { qrPng: Buffer; compress?: boolean }): Promise<Buffer> {
  const { doc, done, ensure } = await openA4Pdf({
    locale: m.locale,
    info: { Title: `${m.title} ${m.number}`, Author: m.seller.name, Subject: m.title },
    compress: opts.compress,
  });

  titleBlock(
    doc,
    { seller: m.seller.name, sellerLines: m.seller.lines, title: m.title, number: m.number },
    { split: 0.55, titleSize: 16 },
  );
  parties(doc, m);
  for (const s of m.sections) {
    if (s.kind === 'rows') rows(doc, s, ensure);
    else if (s.kind === 'table') table(doc, s, ensure);
    else list(doc, s, ensure);
  }
  verifyBox(doc, m.verify, opts.qrPng, ensure, 'compact');
  pageFooters(doc, `${m.seller.name} · ${m.title} ${m.number}`, m.pageLabel);
  doc.end();
  return done;
}

function parties(doc: Doc, m: PaperModel) {
  const top = doc.y;
  const cols = m.parties.length + 1;
  const colW = W / cols - 8;
  let bottom = top;
  m.parties.forEach((p, i) => {
    const x = M + i * (W / cols);
    doc.font('bold').fontSize(8).fillColor(MUTED).text(p.heading.toUpperCase(), x, top, { width: colW });
    doc.font('bold').fontSize(10).fillColor(INK).text(p.name, { width: colW });
    doc.font('sans').fontSize(8.5);
    for (const l of p.lines) doc.text(l, { width: colW });
    bottom = Math.max(bottom, doc.y);
  });
  const x = M + m.parties.length * (W / cols);
  const labelW = Math.min(90, colW * 0.45);
  let y = top;
  for (const r of m.meta) {
    // The label wraps 4 pt before its column ends, so a long one never runs into its value.
    doc
      .font('sans')
      .fontSize(8)
      .fillColor(MUTED)
      .text(r.label, x, y, { width: labelW - 4 });
    const labelBottom = doc.y;
    doc
      .font('bold')
      .fontSize(8.5)
      .fillColor(INK)
      .text(r.value, x + labelW, y, { width: colW - labelW });
    y = Math.max(y + 12, doc.y + 1, labelBottom + 1);
  }
  doc.x = M;
  doc.y = Math.max(bottom, y) + 10;
}

function heading(doc: Doc, text: string, ensure: Ensure) {
  ensure(40);
  doc.font('bold').fontSize(8.5).fillColor(MUTED).text(text.toUpperCase(), M, doc.y, { width: W });
  doc.y += 3;
}

function rows(doc: Doc, s: Extract<PaperSection, { kind: 'rows' }>, ensure: Ensure) {
  heading(doc, s.heading, ensure);
  const labelW = 170;
  for (const r of s.rows) {
    const h =
      Math.max(
        doc
          .font('bold')
          .fontSize(9.5)
          .heightOfString(r.value, { width: W - labelW }),
        12,
      ) + 5;
    ensure(h);
    const y = doc.y;
    doc
      .font('sans')
      .fontSize(9)
      .fillColor(MUTED)
      .text(r.label, M, y, { width: labelW - 8 });
    doc
      .font('bold')
      .fontSize(9.5)
      .fillColor(INK)
      .text(r.value, M + labelW, y, { width: W - labelW });
    hairline(doc, y + h - 2);
    doc.x = M;
    doc.y = y + h;
  }
  doc.y += 10;
}

function table(doc: Doc, s: Extract<PaperSection, { kind: 'table' }>, ensure: Ensure) {
  heading(doc, s.heading, ensure);
  const widths = s.columns.map((c) => c.share * W);
  const head = () => {
    const y = doc.y;
    const h =
      Math.max(
        ...s.columns.map((c, i) =>
          doc
            .font('bold')
            .fontSize(7.5)
            .heightOfString(c.label, { width: widths[i]! - 6 }),
        ),
      ) + 8;
    doc.rect(M, y, W, h).fillColor('#eef0f3').fill();
    let x = M;
    doc.font('bold').fontSize(7.5).fillColor(INK);
    s.columns.forEach((c, i) => {
      doc.text(c.label, x + 3, y + 4, { width: widths[i]! - 6, align: c.align ?? 'left' });
      x += widths[i]!;
    });
    doc.x = M;
    doc.y = y + h + 3;
  };
  const line = (cells: string[], bold = false) => {
    const font = bold ? 'bold' : 'sans';
    const h =
      Math.max(
        ...cells.map((v, i) =>
          doc
            .font(font)
            .fontSize(8)
            .heightOfString(v, { width: widths[i]! - 6 }),
        ),
      ) + 6;
    if (doc.y + h > BOTTOM) {
      doc.addPage();
      head();
    }
    const y = doc.y;
    let x = M;
    doc.font(font).fontSize(8).fillColor(INK);
    cells.forEach((v, i) => {
      doc.text(v, x + 3, y, { width: widths[i]! - 6, align: s.columns[i]?.align ?? 'left' });
      x += widths[i]!;
    });
    hairline(doc, y + h - 3);
    doc.x = M;
    doc.y = y + h;
  };
  ensure(50);
  head();
  for (const r of s.rows) line(r);
  if (s.totals) line(s.totals, true);
  doc.y += 10;
}

function list(doc: Doc, s: Extract<PaperSection, { kind: 'list' }>, ensure: Ensure) {
  heading(doc, s.heading, ensure);
  doc.font('sans').fontSize(8.5).fillColor(INK);
  for (const item of s.items) {
    ensure(doc.heightOfString(item, { width: W }) + 2);
    doc.text(`• ${item}`, M, doc.y, { width: W });
  }
  doc.y += 10;
}
