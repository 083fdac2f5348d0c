import { hash, verify } from '@node-rs/argon2';
import { minPasswordLength, type Role } from '../../platform/auth/roles.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import { commonPasswords } from './common-passwords.js';

// OWASP Password Storage Cheat Sheet: argon2id, m = 19 MiB, t = 2, p = 1.
const params = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * Each argon2 run holds 19 MiB outside the JS heap while it runs. Two at a time is as fast
 * on a 2-core machine as four (libuv's threads), and a login flood can no longer spend the
 * process's memory (ADR 0043: the memory is given back when a run ends).
 */
const MAX_RUNNING = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(fn: () => Promise<T>): Promise<T> {
  if (running < MAX_RUNNING) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve)); // the finishing run hands over its slot
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export const hashPassword = (password: string) => limited(() => hash(password, params));

/** A real hash to verify against when the account does not exist, so both answers take the same time. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    decoy ??= hashPassword('decoy password that matches nothing');
    const decoyHash = await decoy;
    await limited(() => verify(decoyHash, password));
    return false;
  }
  try {
    return await limited(() => verify(storedHash, password));
  } catch {
    return false;
  }
}

export const isCommonPassword = (password: string) => commonPasswords.has(password.toLowerCase());

/** What is wrong with a new password for this role (SECURITY.md: 8+, 12+ for staff, not a common one). */
export function passwordProblem(role: Role, password: string): MessageKey | undefined {
  if (password.length < minPasswordLength(role))
    return role === 'customer' ? 'field.passwordShort' : 'field.passwordShortStaff';
  if (password.length > 256) return 'field.tooLong';
  if (isCommonPassword(password)) return 'field.passwordCommon';
  return undefined;
}
