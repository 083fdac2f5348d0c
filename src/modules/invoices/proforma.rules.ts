/** Pure rules of the proforma invoice: when it exists, its codes, what the public may see. */

import { orderMachine } from '../orders/index.js';

/** No 0/O or 1/I: a code read aloud or typed from paper must not be ambiguous. 32 symbols = 5 bits each. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 10;
const CODE_RE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** A verification code from random bytes (one byte per symbol; 256 is a multiple of 32, so no bias). */
export function verificationCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < CODE_LENGTH) throw new RangeError('need 10 random bytes');
  return Array.from(bytes.subarray(0, CODE_LENGTH), (b) => CODE_ALPHABET[b % 32]).join('');
}

/** What a person typed ("abcde-fghjk ") as a code, or null when it cannot be one. */
export function normalizeCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return CODE_RE.test(code) ? code : null;
}

/** Printed in two groups of five, easier to read out and type. */
export const groupCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/** "Ana María Castillo" → "A*** M*** C***": initials only, and never the length of a name. */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '***';
  return words.map((w) => `${Array.from(w)[0]?.toUpperCase() ?? ''}***`).join(' ');
}

export interface PiOrderState {
  status: string;
  totalCents: number | null;
}

/**
 * A PI exists once the total is known (DESIGN §2 step 9) and stays available after
 * completion. A cancelled order gets no new PI, but one already issued stays readable
 * (marked cancelled) so the buyer's bank and the verify page agree.
 */
export function piAvailable(order: PiOrderState, issued: boolean): boolean {
  if (issued) return true;
  if (order.totalCents === null) return false;
  return orderMachine.is.quoted(order.status);
}

export type Incoterm = 'CPT' | 'CFR';

/**
 * Incoterms 2020, kept simple: the seller pays carriage to the destination in every case.
 * Sea freight is CFR (a sea-only term) named at the destination country (we do not record
 * the port); air, express and land are CPT at the destination country.
 */
export function incotermFor(shippingMethod: string, destination: string): { term: Incoterm; text: string } {
  const term: Incoterm = shippingMethod === 'sea_freight' ? 'CFR' : 'CPT';
  return { term, text: `${term} ${destination}` };
}

export const isPaidInFull = (totalCents: number | null, paidCents: number) =>
  totalCents !== null && paidCents >= totalCents;

/** What the public verify page says about a code. */
export type VerifyOutcome = { kind: 'unknown' } | { kind: 'genuine'; cancelled: boolean; totalChanged: boolean };

export function verifyOutcome(
  pi: { totalCents: number } | undefined,
  order: { status: string; totalCents: number | null } | undefined,
): VerifyOutcome {
  if (!pi || !order) return { kind: 'unknown' };
  return {
    kind: 'genuine',
    cancelled: order.status === 'cancelled',
    totalChanged: order.totalCents !== pi.totalCents,
  };
}
