export const roles = ['customer', 'sales', 'finance', 'warehouse', 'support', 'admin'] as const;
export type Role = (typeof roles)[number];

export const isStaff = (role: Role) => role !== 'customer';

/** Admin may do everything a staff role may; other staff only their own role's actions. */
export const hasRole = (actual: Role, ...allowed: Role[]) => actual === 'admin' || allowed.includes(actual);

/** Staff passwords are longer (SECURITY.md). */
export const minPasswordLength = (role: Role) => (isStaff(role) ? 12 : 8);
