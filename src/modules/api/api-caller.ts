import type { FastifyRequest } from 'fastify';
import { type CurrentUser, requireRole, requireStaff } from '../../platform/auth/current-user.js';
import { isStaff, type Role } from '../../platform/auth/roles.js';
import { AppError } from '../../platform/errors.js';
import { roleFor, tokenVia } from './token.rules.js';

/** Who calls the API: a staff token (acting as the admin who made it, within its roles) or a browser session. */
export type ApiCaller =
  | {
      kind: 'token';
      tokenId: number;
      name: string;
      roles: Role[];
      user: { id: number; email: string; fullName: string };
    }
  | { kind: 'session'; user: CurrentUser };

declare module 'fastify' {
  interface FastifyRequest {
    apiCaller?: ApiCaller;
  }
}

export function callerOf(req: FastifyRequest): ApiCaller {
  if (!req.apiCaller) throw new AppError('UNAUTHENTICATED');
  return req.apiCaller;
}

/** Idempotency keys and rate windows are kept per caller. */
export const callerKey = (c: ApiCaller) => (c.kind === 'token' ? `token:${c.tokenId}` : `user:${c.user.id}`);

const asToken = (c: Extract<ApiCaller, { kind: 'token' }>, role: Role): CurrentUser => ({
  id: c.user.id,
  email: c.user.email,
  fullName: c.user.fullName,
  role,
  via: tokenVia(c.name),
});

/**
 * The user an action runs as, for a staff operation that demands one of `allowed` (empty:
 * any staff role). A session needs the role itself; a token needs one of its roles to pass,
 * and acts as that role only, so it never does more than its roles allow (403 otherwise).
 */
export function staffActor(req: FastifyRequest, allowed: readonly Role[]): CurrentUser {
  const c = callerOf(req);
  if (c.kind === 'session') return allowed.length ? requireRole(c.user, ...allowed) : requireStaff(c.user);
  const role = allowed.length ? roleFor(c.roles, allowed) : c.roles[0];
  if (!role) throw new AppError('FORBIDDEN');
  return asToken(c, role);
}

/**
 * Who reads: staff (every role of a token, for `nextActions`) see any object; a buyer's
 * session sees its own only, and the routes answer 404 for the rest.
 */
export function readerOf(req: FastifyRequest): { staff: boolean; actors: CurrentUser[] } {
  const c = callerOf(req);
  if (c.kind === 'session') return { staff: isStaff(c.user.role), actors: [c.user] };
  return { staff: true, actors: c.roles.map((r) => asToken(c, r)) };
}

/** A buyer's own operation: a customer's session only (staff and tokens have their own routes). */
export function buyerOf(req: FastifyRequest): CurrentUser | undefined {
  const c = callerOf(req);
  return c.kind === 'session' && !isStaff(c.user.role) ? c.user : undefined;
}
