import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeModulesDir } from './paths.js';

/**
 * DejaVu (dejavu-fonts-ttf) for PDFs: Latin, Spanish and the symbols we print (·, ®, –);
 * pdfkit embeds only the glyphs used. Read once per process.
 */
const fontDir = join(nodeModulesDir, 'dejavu-fonts-ttf', 'ttf');
let fonts: Record<'sans' | 'bold' | 'mono', Buffer> | undefined;
export const loadPdfFonts = () =>
  (fonts ??= {
    sans: readFileSync(join(fontDir, 'DejaVuSans.ttf')),
    bold: readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')),
    mono: readFileSync(join(fontDir, 'DejaVuSansMono.ttf')),
  });
