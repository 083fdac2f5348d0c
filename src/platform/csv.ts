import { Readable } from 'node:stream';

/** Excel reads a file as UTF-8 (accents in Spanish names) only when it starts with this. */
export const BOM = '\uFEFF';

export type CsvValue = string | number | bigint | boolean | Date | null | undefined;

/** First characters a spreadsheet takes for a formula (or that hide one): `=`, `+`, `-`, `@`, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. Text a spreadsheet would run as a formula (a buyer named `=HYPERLINK(…)`)
 * gets a leading `'`, which spreadsheets show as text (OWASP "CSV injection"); numbers are
 * written as they are (a negative amount stays a number). Then RFC 4180 quoting: a field
 * with a quote, comma, CR or LF is quoted and its quotes doubled.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (values: readonly CsvValue[]) => `${values.map(csvField).join(',')}\r\n`;

/** Integer cents as a decimal amount in dollars ("1234.50"), exact for any bigint. */
export function decimalAmount(cents: number | bigint | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const c = BigInt(cents);
  const abs = c < 0n ? -c : c;
  return `${c < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/**
 * A CSV body read from the database a page at a time: `page(after)` returns the next rows
 * after the given key (keyset, never OFFSET) and the key to continue from, or none at the
 * end. Only one page is held at a time, and the stream pulls the next page only when the
 * reply has taken the last one (backpressure), so an export of any size stays small in memory.
 */
export function csvStream<R, K>(
  header: readonly string[],
  page: (after: K | undefined) => Promise<{ rows: R[]; next: K | undefined }>,
  toRow: (r: R) => readonly CsvValue[],
): Readable {
  async function* lines() {
    yield BOM + csvRow(header);
    let after: K | undefined;
    do {
      const { rows, next } = await page(after);
      if (rows.length) yield rows.map((r) => csvRow(toRow(r))).join('');
      after = next;
    } while (after !== undefined);
  }
  return Readable.from(lines(), { objectMode: false });
}

/** `Content-Disposition` file name for an export: `orders-2026-12-02.csv`. */
export const csvFileName = (what: string, now = new Date()) => `${what}-${now.toISOString().slice(0, 10)}.csv`;

/** Rows an export reads per statement. */
export const CSV_PAGE = 1000;

/**
 * Keyset pages by a growing integer id for `csvStream`: `fetch(afterId, limit)` returns the
 * next rows in id order; a short page is the last.
 */
export const idPages =
  <R extends { id: number }>(fetch: (afterId: number, limit: number) => Promise<R[]>, limit = CSV_PAGE) =>
  async (after: number | undefined) => {
    const rows = await fetch(after ?? 0, limit);
    return { rows, next: rows.length === limit ? rows.at(-1)!.id : undefined };
  };
