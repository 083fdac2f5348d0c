/** An amount in US cents written out in words, as banks expect on an invoice. Pure. */

export type WordsLocale = 'en' | 'es';

const EN_ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_SCALES: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

function enBelow1000(n: number): string {
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h) parts.push(`${EN_ONES[h]} hundred`);
  if (r >= 20) parts.push(EN_TENS[Math.floor(r / 10)] + (r % 10 ? `-${EN_ONES[r % 10]}` : ''));
  else if (r || !h) parts.push(EN_ONES[r] ?? '');
  return parts.join(' ');
}

/** Short scale, American style: 1,205 → "one thousand two hundred five". */
export function englishNumber(n: number): string {
  if (n < 1000) return enBelow1000(n);
  const parts: string[] = [];
  let rest = n;
  for (const [size, name] of EN_SCALES) {
    const q = Math.floor(rest / size);
    if (q) parts.push(`${englishNumber(q)} ${name}`);
    rest %= size;
  }
  if (rest) parts.push(enBelow1000(rest));
  return parts.join(' ');
}

const ES_UNITS = [
  'cero',
  'uno',
  'dos',
  'tres',
  'cuatro',
  'cinco',
  'seis',
  'siete',
  'ocho',
  'nueve',
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciséis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
  'veinte',
  'veintiuno',
  'veintidós',
  'veintitrés',
  'veinticuatro',
  'veinticinco',
  'veintiséis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
const ES_TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const ES_HUNDREDS = [
  '',
  'ciento',
  'doscientos',
  'trescientos',
  'cuatrocientos',
  'quinientos',
  'seiscientos',
  'setecientos',
  'ochocientos',
  'novecientos',
];

function esBelow1000(n: number): string {
  if (n === 100) return 'cien';
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h) parts.push(ES_HUNDREDS[h] ?? '');
  if (r >= 30) parts.push(ES_TENS[Math.floor(r / 10)] + (r % 10 ? ` y ${ES_UNITS[r % 10]}` : ''));
  else if (r || !h) parts.push(ES_UNITS[r] ?? '');
  return parts.join(' ');
}

/** "uno" shortens before a masculine noun: veintiún dólares, ciento un mil, un millón. */
const apocope = (words: string) => words.replace(/veintiuno$/, 'veintiún').replace(/(^|\s)uno$/, '$1un');

/** Long scale: 10^9 is "mil millones", 10^12 "un billón". `beforeNoun` applies the apocope. */
export function spanishNumber(n: number, beforeNoun = false): string {
  const out = (s: string) => (beforeNoun ? apocope(s) : s);
  if (n >= 1e12) {
    const b = Math.floor(n / 1e12);
    const rest = n % 1e12;
    const head = b === 1 ? 'un billón' : `${spanishNumber(b, true)} billones`;
    return out(rest ? `${head} ${spanishNumber(rest)}` : head);
  }
  if (n >= 1e6) {
    const m = Math.floor(n / 1e6);
    const rest = n % 1e6;
    const head = m === 1 ? 'un millón' : `${spanishNumber(m, true)} millones`;
    return out(rest ? `${head} ${spanishNumber(rest)}` : head);
  }
  if (n >= 1000) {
    const k = Math.floor(n / 1000);
    const rest = n % 1000;
    const head = k === 1 ? 'mil' : `${spanishNumber(k, true)} mil`;
    return out(rest ? `${head} ${esBelow1000(rest)}` : head);
  }
  return out(esBelow1000(n));
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * 645025 → "Six thousand four hundred fifty US dollars and twenty-five cents";
 * in Spanish "Seis mil cuatrocientos cincuenta dólares estadounidenses con veinticinco centavos".
 */
export function amountInWords(cents: number, locale: WordsLocale): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`not an amount in cents: ${cents}`);
  const dollars = Math.floor(cents / 100);
  const c = cents % 100;
  if (locale === 'es') {
    // "un millón de dólares", but "un millón cien dólares".
    const de = dollars >= 1e6 && dollars % 1e6 === 0 ? ' de' : '';
    const main = `${spanishNumber(dollars, true)}${de} ${dollars === 1 ? 'dólar estadounidense' : 'dólares estadounidenses'}`;
    const tail = c ? ` con ${spanishNumber(c, true)} ${c === 1 ? 'centavo' : 'centavos'}` : '';
    return capitalize(main + tail);
  }
  const main = `${englishNumber(dollars)} ${dollars === 1 ? 'US dollar' : 'US dollars'}`;
  const tail = c ? ` and ${englishNumber(c)} ${c === 1 ? 'cent' : 'cents'}` : '';
  return capitalize(main + tail);
}
