import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvRow, csvStream, decimalAmount } from './csv.js';

/** A strict RFC 4180 reader, to read back what we wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

/** What a reader sees: the value, with the `'` the writer put before a formula-like start. */
const neutralised = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

describe('csv', () => {
  it('reading the output back gives the values (quotes, commas, newlines, accents, emoji)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
        (rows) => {
          const text = rows.map((r) => csvRow(r)).join('');
          expect(parseCsv(text)).toEqual(rows.map((r) => r.map(neutralised)));
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);

  it('neutralises values a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    fc.assert(
      fc.property(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string(), (start, rest) => {
        const [[back]] = parseCsv(csvRow([start + rest])) as [[string]];
        expect(back.startsWith("'")).toBe(true);
      }),
    );
    // Text that merely contains them, and numbers, are left alone.
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-12)).toBe('-12');
    expect(csvField('Señor Núñez')).toBe('Señor Núñez');
    expect(csvField(null)).toBe('');
    expect(csvField(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
  });

  it('writes money as decimal dollars', () => {
    expect(decimalAmount(645_000)).toBe('6450.00');
    expect(decimalAmount(5)).toBe('0.05');
    expect(decimalAmount(-150)).toBe('-1.50');
    expect(decimalAmount(12_345_678_901_234_567n)).toBe('123456789012345.67');
    expect(decimalAmount(null)).toBe('');
  });

  it('streams a BOM, the header, then page after page', async () => {
    const pages = [[1, 2], [3], []];
    const asked: (number | undefined)[] = [];
    const stream = csvStream(
      ['n'],
      async (after: number | undefined) => {
        asked.push(after);
        const i = after ?? 0;
        return { rows: pages[i]!, next: i + 1 < pages.length ? i + 1 : undefined };
      },
      (n) => [n],
    );
    const chunks: string[] = [];
    for await (const c of stream) chunks.push(String(c));
    expect(chunks[0]).toBe(`${BOM}n\r\n`);
    expect(chunks.slice(1)).toEqual(['1\r\n2\r\n', '3\r\n']);
    expect(asked).toEqual([undefined, 1, 2]);
  });
});
