import { createHash, randomBytes } from 'node:crypto';
import { type Role, roles } from '../../platform/auth/roles.js';

/** The roles a token may act as: staff roles only (a token is never a buyer). */
export const tokenRoles = roles.filter((r): r is Exclude<Role, 'customer'> => r !== 'customer');
export type TokenRole = (typeof tokenRoles)[number];

/** Requests per token per minute, counted in the database so every process shares the window. */
export const TOKEN_REQUESTS_PER_MINUTE = 600;
export const MAX_TOKEN_DAYS = 366;

/** `hc_` and 32 random bytes (base64url, 43 characters): recognizable by secret scanners, unguessable. */
export const TOKEN_PATTERN = /^hc_[A-Za-z0-9_-]{43}$/;

export function newApiToken() {
  const token = `hc_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, 10) };
}

/** Only this is stored: a 256-bit random token needs no slow hash (nothing to guess from it). */
export const hashApiToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** What a token's events and timelines say: "token <name>". */
export const tokenVia = (name: string) => `token ${name}`;

/**
 * The role a token acts as for an operation that demands one of `allowed`: the first of its
 * roles that passes (admin passes every staff role, as for people), or undefined.
 */
export function roleFor(tokenRoles: readonly Role[], allowed: readonly Role[]): Role | undefined {
  if (tokenRoles.includes('admin')) return 'admin';
  return tokenRoles.find((r) => allowed.includes(r));
}
