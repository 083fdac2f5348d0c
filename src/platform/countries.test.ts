import { describe, expect, it } from 'vitest';
import { countries, countryCodes, countryName, countryOptions, countryRows, isCountryCode } from './countries.js';

describe('country table', () => {
  it('covers every ISO 3166-1 alpha-2 country once, in order, with both names and valid centroids', () => {
    expect(countryRows.length).toBeGreaterThanOrEqual(249);
    expect(new Set(countryCodes).size).toBe(countryCodes.length);
    expect([...countryCodes].sort()).toEqual(countryCodes);
    for (const [code, en, es, lat, lng] of countryRows) {
      expect(code).toMatch(/^[A-Z]{2}$/);
      expect(en.length).toBeGreaterThan(2);
      expect(es.length).toBeGreaterThan(2);
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(lng)).toBeLessThanOrEqual(180);
    }
    for (const code of ['US', 'CN', 'RU', 'KZ', 'PY', 'ET', 'AR', 'DE', 'NG', 'BR', 'CA', 'IR', 'XK'])
      expect(countries.has(code)).toBe(true);
    expect(isCountryCode('DE')).toBe(true);
    expect(isCountryCode('de')).toBe(false);
    expect(isCountryCode('ZZ')).toBe(false);
  });

  it('puts centroids roughly where the countries are', () => {
    expect(countries.get('AU')!.lat).toBeLessThan(0);
    expect(countries.get('US')!.lng).toBeLessThan(-60);
    expect(countries.get('JP')!.lng).toBeGreaterThan(120);
  });
});

describe('country names and options', () => {
  it('names countries in the locale and sorts options by name', () => {
    expect(countryName('ES', 'en')).toBe('Spain');
    expect(countryName('ES', 'es')).toBe('España');
    expect(countryName('DE', 'en')).toBe('Germany');
    expect(countryName('DE', 'es')).toBe('Alemania');
    expect(countryOptions(['ES', 'DE', 'AT'], 'en').map((o) => o.name)).toEqual(['Austria', 'Germany', 'Spain']);
    expect(countryOptions(['ES', 'DE', 'AT'], 'es').map((o) => o.code)).toEqual(['DE', 'AT', 'ES']); // Alemania, Austria, España
  });

  it('shows an unknown stored code as itself rather than failing', () => {
    expect(countryName('ZZ', 'es')).toBe('ZZ');
  });

  it('follows a changed destination list', () => {
    expect(countryOptions(['FR', 'BE'], 'en').map((o) => o.code)).toEqual(['BE', 'FR']);
    expect(countryOptions(['FR', 'BE', 'AD'], 'en').map((o) => o.code)).toEqual(['AD', 'BE', 'FR']);
  });

  it('finds a list it has seen by the list itself, per locale', () => {
    const list = ['ES', 'DE', 'AT'];
    const en = countryOptions(list, 'en');
    expect(countryOptions(list, 'en')).toBe(en);
    expect(countryOptions(list, 'es').map((o) => o.code)).toEqual(['DE', 'AT', 'ES']);
    expect(countryOptions(['ES', 'DE', 'AT'], 'en')).toBe(en);
  });
});
