import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { es } from './es.js';
import { i18n, type Locale, locales, negotiateLocale } from './index.js';

/** Every locale's dictionary; typed so that adding a locale to `locales` forces it to be listed here. */
const dictionaries: Record<Locale, Record<string, string>> = { en, es };
const others = locales.filter((l) => l !== 'en');
const englishKeys = Object.keys(en);

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('locale dictionaries', () => {
  it('English has no empty messages', () => {
    const empty = englishKeys.filter((k) => (en as Record<string, string>)[k]?.trim() === '');
    expect(empty).toEqual([]);
  });

  describe.each(others)('%s', (locale) => {
    const dict = dictionaries[locale];

    it('has every English key', () => {
      const missing = englishKeys.filter((k) => !Object.hasOwn(dict, k));
      expect(missing).toEqual([]);
    });

    it('has no empty messages', () => {
      const empty = englishKeys.filter((k) => typeof dict[k] !== 'string' || dict[k].trim() === '');
      expect(empty).toEqual([]);
    });

    it('has no extra keys', () => {
      const extra = Object.keys(dict).filter((k) => !Object.hasOwn(en, k));
      expect(extra).toEqual([]);
    });

    it('uses the same {placeholders} as English for every key', () => {
      const mismatched = englishKeys
        .filter((k) => typeof dict[k] === 'string')
        .filter(
          (k) =>
            placeholders(dict[k] ?? '').join(',') !== placeholders((en as Record<string, string>)[k] ?? '').join(','),
        )
        .map((k) => ({ key: k, en: (en as Record<string, string>)[k], [locale]: dict[k] }));
      expect(mismatched).toEqual([]);
    });

    it('keeps the keys in the English order', () => {
      expect(Object.keys(dict)).toEqual(englishKeys);
    });
  });

  it('names each language in itself', () => {
    for (const locale of locales) {
      expect(dictionaries[locale]['locale.en']).toBe('English');
      expect(dictionaries[locale]['locale.es']).toBe('Español');
    }
  });
});

describe('negotiateLocale', () => {
  it.each([
    ['es-ES,es;q=0.9,en;q=0.8', 'es'],
    ['fr-FR,de', 'en'],
    [undefined, 'en'],
    ['', 'en'],
    ['en;q=0.5, es;q=0.9', 'es'],
  ] as const)('%j → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('i18n', () => {
  it('formats money in Spanish with a decimal comma', () => {
    const text = i18n('es').money(123456);
    expect(text).toMatch(/1\.?234,56/);
    expect(text).not.toContain('1,234');
  });

  it('formats money in English as US dollars', () => {
    expect(i18n('en').money(123456)).toBe('$1,234.56');
  });

  it('interpolates {placeholders} in Spanish', () => {
    expect(i18n('es').t('cart.removeItem', { name: 'Antminer S21' })).toBe('Eliminar Antminer S21');
    expect(i18n('es').t('nav.login')).toBe('Iniciar sesión');
  });
});

describe('message parameters', () => {
  it('are HTML-escaped, so user data in a message cannot inject markup', () => {
    expect(i18n('en').t('search.title', { q: '<img src=x onerror=alert(1)>' })).toBe(
      'Search: &lt;img src=x onerror=alert(1)>',
    );
  });
});
