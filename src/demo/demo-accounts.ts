import type { Role } from '../platform/auth/roles.js';

/** Demo logins, created with the demo catalog; printed at start and listed in the README. */
export const DEMO_PASSWORD = 'hashcart-demo-2026';

/**
 * The two-factor secret of every demo staff account, known on purpose: someone trying the demo
 * adds it to an authenticator app (or reads the code `npm start` prints). A real shop's staff
 * enrol their own secret at their first login.
 */
export const DEMO_TOTP_SECRET = 'HASHCARTDEMOSTAFFTOTPKEY';

export const demoAccounts: { email: string; fullName: string; role: Role }[] = [
  { email: 'customer@demo.hashcart.test', fullName: 'Ana Castillo', role: 'customer' },
  { email: 'sales@demo.hashcart.test', fullName: 'Sam Sales', role: 'sales' },
  { email: 'finance@demo.hashcart.test', fullName: 'Fiona Finance', role: 'finance' },
  { email: 'warehouse@demo.hashcart.test', fullName: 'Wang Warehouse', role: 'warehouse' },
  { email: 'support@demo.hashcart.test', fullName: 'Sofia Support', role: 'support' },
  { email: 'admin@demo.hashcart.test', fullName: 'Adam Admin', role: 'admin' },
  // Owns the demo repair centers listed on the public "ASIC Miner Repair" page.
  { email: 'repairs@demo.hashcart.test', fullName: 'Rui Repairs', role: 'customer' },
];
