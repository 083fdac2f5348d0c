import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  groupCode,
  incotermFor,
  maskName,
  normalizeCode,
  piAvailable,
  verificationCodeFrom,
  verifyOutcome,
} from './proforma.rules.js';

describe('verification codes', () => {
  it('are 10 symbols of an alphabet without 0, O, 1 or I', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[01IO]/);
    for (let i = 0; i < 200; i++) expect(verificationCodeFrom(randomBytes(10))).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
  });

  it('use every symbol (no modulo bias: one byte per symbol, 256 = 8 × 32)', () => {
    const all = verificationCodeFrom(Uint8Array.from({ length: 10 }, (_, i) => i * 3 + 1));
    expect(all).toBe('369CFJMQTW');
    const seen = new Set(Array.from({ length: 32 }, (_, b) => verificationCodeFrom(new Uint8Array(10).fill(b))[0]));
    expect(seen.size).toBe(32);
  });

  it('accept what people type: lower case, spaces, the printed dash', () => {
    expect(normalizeCode('abcde-fghjk')).toBe('ABCDEFGHJK');
    expect(normalizeCode(' ABCDE FGHJK ')).toBe('ABCDEFGHJK');
    expect(groupCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
  });

  it('refuse anything else', () => {
    for (const bad of ['', 'ABCDEFGHJ', 'ABCDEFGHJKL', 'ABCDEFGHJ0', 'ABCDEFGHJO', "ABCDE'--;x", '../../etc'])
      expect(normalizeCode(bad)).toBeNull();
  });
});

describe('maskName', () => {
  it.each([
    ['Ana Castillo', 'A*** C***'],
    ['  ana   maría  castillo ', 'A*** M*** C***'],
    ['Ángel Öz', 'Á*** Ö***'],
    ['X', 'X***'],
    ['', '***'],
  ])('%j → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('never reveals the length of a name', () => {
    expect(maskName('Al Li')).toBe(maskName('Alexander Lindqvist'));
  });
});

describe('piAvailable', () => {
  it('from the moment the total is known, through completion', () => {
    expect(piAvailable({ status: 'awaiting_quote', totalCents: null }, false)).toBe(false);
    for (const status of ['awaiting_payment', 'payment_review', 'ready_to_ship', 'shipped', 'completed']) {
      expect(piAvailable({ status, totalCents: 100 }, false)).toBe(true);
    }
  });

  it('on a cancelled order only when one was already issued', () => {
    expect(piAvailable({ status: 'cancelled', totalCents: 100 }, false)).toBe(false);
    expect(piAvailable({ status: 'cancelled', totalCents: null }, false)).toBe(false);
    expect(piAvailable({ status: 'cancelled', totalCents: 100 }, true)).toBe(true);
  });
});

describe('incotermFor', () => {
  it('is CFR for sea freight and CPT otherwise, named at the destination', () => {
    expect(incotermFor('sea_freight', 'Brazil')).toEqual({ term: 'CFR', text: 'CFR Brazil' });
    expect(incotermFor('air_express', 'Spain').text).toBe('CPT Spain');
    expect(incotermFor('air_freight', 'Spain').term).toBe('CPT');
    expect(incotermFor('land_freight', 'Kazakhstan').text).toBe('CPT Kazakhstan');
  });
});

describe('verifyOutcome', () => {
  it('says unknown for a code with no PI', () => {
    expect(verifyOutcome(undefined, undefined)).toEqual({ kind: 'unknown' });
  });
  it('compares the stored snapshot with the order as it is now', () => {
    expect(verifyOutcome({ totalCents: 100 }, { status: 'awaiting_payment', totalCents: 100 })).toEqual({
      kind: 'genuine',
      cancelled: false,
      totalChanged: false,
    });
    expect(verifyOutcome({ totalCents: 100 }, { status: 'awaiting_payment', totalCents: 150 })).toMatchObject({
      totalChanged: true,
    });
    expect(verifyOutcome({ totalCents: 100 }, { status: 'cancelled', totalCents: 100 })).toMatchObject({
      cancelled: true,
    });
  });
});
