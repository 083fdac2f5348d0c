import { describe, expect, it } from 'vitest';
import { amountInWords, englishNumber, spanishNumber } from './amount-in-words.js';

describe('amountInWords in English', () => {
  it.each([
    [0, 'Zero US dollars'],
    [100, 'One US dollar'],
    [1, 'Zero US dollars and one cent'],
    [645_025, 'Six thousand four hundred fifty US dollars and twenty-five cents'],
    [1_000_000, 'Ten thousand US dollars'],
    [11_500, 'One hundred fifteen US dollars'],
    [
      123_456_789_99,
      'One hundred twenty-three million four hundred fifty-six thousand seven hundred eighty-nine US dollars and ninety-nine cents',
    ],
    [100_000_000_000, 'One billion US dollars'],
    [2_000_000_100_07, 'Two billion one hundred US dollars and seven cents'],
    [2_000_000_001_07, 'Two billion one US dollars and seven cents'],
  ])('%i cents → %s', (cents, words) => {
    expect(amountInWords(cents, 'en')).toBe(words);
  });

  it('writes every number below 1000 without gaps or doubled spaces', () => {
    for (let n = 0; n < 1000; n++) expect(englishNumber(n)).toMatch(/^[a-z]+([ -][a-z]+)*$/);
    expect(englishNumber(905)).toBe('nine hundred five');
    expect(englishNumber(40)).toBe('forty');
  });
});

describe('amountInWords in Spanish', () => {
  it.each([
    [0, 'Cero dólares estadounidenses'],
    [100, 'Un dólar estadounidense'],
    [101, 'Un dólar estadounidense con un centavo'],
    [2_100, 'Veintiún dólares estadounidenses'],
    [10_000, 'Cien dólares estadounidenses'],
    [10_100, 'Ciento un dólares estadounidenses'],
    [645_025, 'Seis mil cuatrocientos cincuenta dólares estadounidenses con veinticinco centavos'],
    [2_100_000, 'Veintiún mil dólares estadounidenses'],
    [100_000_000, 'Un millón de dólares estadounidenses'],
    [100_010_000, 'Un millón cien dólares estadounidenses'],
    [3_100_000_000, 'Treinta y un millones de dólares estadounidenses'],
    [
      57_599_999,
      'Quinientos setenta y cinco mil novecientos noventa y nueve dólares estadounidenses con noventa y nueve centavos',
    ],
    [100_000_000_000, 'Mil millones de dólares estadounidenses'],
    [100_000_000_000_000, 'Un billón de dólares estadounidenses'],
  ])('%i cents → %s', (cents, words) => {
    expect(amountInWords(cents, 'es')).toBe(words);
  });

  it('uses the irregular hundreds and the 16–29 single words', () => {
    expect(spanishNumber(500)).toBe('quinientos');
    expect(spanishNumber(700)).toBe('setecientos');
    expect(spanishNumber(900)).toBe('novecientos');
    expect(spanishNumber(16)).toBe('dieciséis');
    expect(spanishNumber(22)).toBe('veintidós');
    expect(spanishNumber(21)).toBe('veintiuno');
    expect(spanishNumber(21, true)).toBe('veintiún');
    expect(spanishNumber(1_001)).toBe('mil uno');
    expect(spanishNumber(201_000)).toBe('doscientos un mil');
  });
});

it('refuses what is not an amount in cents', () => {
  expect(() => amountInWords(-1, 'en')).toThrow(RangeError);
  expect(() => amountInWords(1.5, 'es')).toThrow(RangeError);
});
