import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/*
 * TOTP (RFC 6238) as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. A
 * code is accepted from the step before or after the current one (a phone's clock drifts),
 * and the caller spends the step it matched, so no code works twice.
 */
const PERIOD = 30;
const totp = (secret: string, label = '') =>
  new TOTP({
    issuer: 'Hashcart',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });

/** A new 160-bit secret (RFC 4226's recommended length), base32 as apps expect it. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/** The otpauth:// URI the QR code carries. */
export const totpUri = (secret: string, account: string) => totp(secret, account).toString();

/** The time-step a code matches (current, previous or next), or undefined. */
export function matchTotp(secret: string, code: string, now: Date): number | undefined {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = totp(secret).validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? undefined : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/** The code an authenticator app shows at this moment (demo console, tests). */
export const totpCode = (secret: string, at = new Date()) => totp(secret).generate({ timestamp: at.getTime() });

/** The secret in groups of four, easier to type into an app than to read as one run. */
export const groupedSecret = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i: read from paper

/** Ten recovery codes of 12 characters (about 59 bits each), shown once, stored hashed. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** A recovery code as typed (any case, with or without dashes and spaces) in its stored form. */
export function normalizeRecoveryCode(code: string): string | undefined {
  const plain = code.toLowerCase().replace(/[\s-]/g, '');
  return /^[a-z0-9]{12}$/.test(plain) ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}` : undefined;
}
