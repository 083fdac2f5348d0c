import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of a PDF, page by page, with runs joined by spaces and whitespace collapsed (tests only). */
export async function pdfText(pdf: Buffer): Promise<{ pages: string[]; text: string }> {
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    const runs = content.items.map((it) => ('str' in it ? it.str : ''));
    pages.push(runs.join(' ').replace(/\s+/g, ' ').trim());
  }
  await doc.destroy();
  return { pages, text: pages.join(' ') };
}

/** Visible text of an HTML page: tags dropped, Kita's entities decoded, whitespace collapsed. */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style|svg)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
