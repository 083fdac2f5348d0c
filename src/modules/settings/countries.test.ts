import { describe, expect, it } from 'vitest';
import { countryName, countryOptions } from './countries.js';

describe('country names and options', () => {
  it('names countries in the locale and sorts options by name', () => {
    expect(countryName('ES', 'en')).toBe('Spain');
    expect(countryName('ES', 'es')).toBe('España');
    expect(countryOptions(['ES', 'DE', 'AT'], 'en').map((o) => o.name)).toEqual(['Austria', 'Germany', 'Spain']);
    expect(countryOptions(['ES', 'DE', 'AT'], 'es').map((o) => o.code)).toEqual(['DE', 'AT', 'ES']); // Alemania, Austria, España
  });

  it('follows a changed destination list', () => {
    expect(countryOptions(['FR', 'BE'], 'en').map((o) => o.code)).toEqual(['BE', 'FR']);
    expect(countryOptions(['FR', 'BE', 'AD'], 'en').map((o) => o.code)).toEqual(['AD', 'BE', 'FR']);
  });
});
