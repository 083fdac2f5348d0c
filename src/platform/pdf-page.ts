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
