import { describe, expect, it } from 'vitest';
import { matchTotp, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, totpCode, totpUri } from './totp.js';

describe('TOTP', () => {
  const secret = newTotpSecret();
  const at = new Date('2026-12-01T12:00:10Z');
  const step = Math.floor(at.getTime() / 30_000);

  it('matches the current, previous and next step, and nothing further', () => {
    expect(matchTotp(secret, totpCode(secret, at), at)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, new Date(at.getTime() - 30_000)), at)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, new Date(at.getTime() + 30_000)), at)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, new Date(at.getTime() + 60_000)), at)).toBeUndefined();
    expect(matchTotp(secret, totpCode(secret, new Date(at.getTime() - 60_000)), at)).toBeUndefined();
  });

  it('refuses what is not six digits, and accepts spaces', () => {
    const code = totpCode(secret, at);
    expect(matchTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at)).toBe(step);
    expect(matchTotp(secret, `${code}0`, at)).toBeUndefined();
    expect(matchTotp(secret, 'abcdef', at)).toBeUndefined();
  });

  it('is the otpauth URI authenticator apps read', () => {
    expect(totpUri(secret, 'sam@example.com')).toMatch(/^otpauth:\/\/totp\/Hashcart:sam%40example\.com\?.*secret=/);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes, read back in any case and with or without dashes', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const c = codes[0]!;
    expect(normalizeRecoveryCode(c.toUpperCase().replaceAll('-', ' '))).toBe(c);
    expect(normalizeRecoveryCode('too-short')).toBeUndefined();
  });
});
