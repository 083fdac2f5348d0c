import { AppError } from '../errors.js';
import { hasRole, isStaff, type Role } from './roles.js';

export interface CurrentUser {
  id: number;
  email: string;
  fullName: string;
  role: Role;
  /** Set when acting through an integration rather than in person: "token <name>" (an API token). */
  via?: string;
}

/** Pages behind login: a visitor is sent to log in (the error handler redirects). */
export function requireUser(user: CurrentUser | undefined): CurrentUser {
  if (!user) throw new AppError('UNAUTHENTICATED');
  return user;
}

/** Back office: visitors log in, customers get 403, staff need one of the roles (admin always passes). */
export function requireRole(user: CurrentUser | undefined, ...allowed: Role[]): CurrentUser {
  const u = requireUser(user);
  if (!isStaff(u.role) || !hasRole(u.role, ...allowed)) throw new AppError('FORBIDDEN');
  return u;
}

export function requireStaff(user: CurrentUser | undefined): CurrentUser {
  const u = requireUser(user);
  if (!isStaff(u.role)) throw new AppError('FORBIDDEN');
  return u;
}
