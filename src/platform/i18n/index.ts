import { escapeHtml } from '@kitajs/html';
import { en, type MessageKey } from './en.js';
import { es } from './es.js';
import { memoMoney, memoUtcDate, memoUtcMinute } from './format-cache.js';

export const locales = ['en', 'es'] as const;
export type Locale = (typeof locales)[number];
export type { MessageKey };

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, es };
const intlTag: Record<Locale, string> = { en: 'en-US', es: 'es-ES' };

export const isLocale = (v: unknown): v is Locale => locales.includes(v as Locale);

/** Picks the first supported language of an Accept-Language header, else English. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { lang: tag.slice(0, 2).toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((x) => x.lang).find(isLocale) ?? 'en';
}

/**
 * A message for plain text (e-mail): parameters are put in as they are, since no HTML
 * is rendered. Never use this for pages.
 */
export function plainText(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}) {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

export interface I18n {
  locale: Locale;
  /** The message in this locale; `{name}` parameters are HTML-escaped, so the result is safe as text. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  money(cents: number): string;
  /** Up to `digits` decimals; `fixed` shows all of them (an amount to pay: 809.00, not 809). */
  number(n: number, digits?: number, fixed?: boolean): string;
  date(d: Date): string;
  dateTime(d: Date): string;
}

/** One per locale for the process: the Intl formatters and their memoised strings are shared by every request. */
const cache = new Map<Locale, I18n>();

export function i18n(locale: Locale): I18n {
  const hit = cache.get(locale);
  if (hit) return hit;
  const dict = dictionaries[locale];
  const tag = intlTag[locale];
  const moneyFmt = new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD' });
  const dateFmt = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFmt = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  // In UTC, so a date's text depends on its day only, a date and time's on its minute.
  const money = memoMoney((amount) => moneyFmt.format(amount));
  const date = memoUtcDate((d) => dateFmt.format(d));
  const dateTime = memoUtcMinute((d) => `${dateTimeFmt.format(d)} UTC`);
  const numberFmts = new Map<string, Intl.NumberFormat>();
  const made: I18n = {
    locale,
    t(key, params) {
      const text = dict[key] ?? key;
      // Messages are ours; parameters may be user data (names, search words), so they are escaped.
      return params
        ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? escapeHtml(String(params[name])) : m))
        : text;
    },
    money,
    number(n, digits = 0, fixed = false) {
      const key = `${digits}${fixed}`;
      let fmt = numberFmts.get(key);
      if (!fmt) {
        fmt = new Intl.NumberFormat(tag, { maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0 });
        numberFmts.set(key, fmt);
      }
      return fmt.format(n);
    },
    date,
    dateTime,
  };
  cache.set(locale, made);
  return made;
}
