/**
 * Accounts: registration, login (with a second factor for staff), sessions, forgotten passwords,
 * the team at /admin/users and the user's own /account page.
 */
export { accountRoutes } from './account.routes.js';
export { changePassword, changeUserRole, setUserActive } from './actions/change-user-access.js';
export { registerUser } from './actions/register-user.js';
export { setSecondFactorSecret } from './actions/two-factor.js';
export { getAppSecret } from './app-secret.repo.js';
/** Failure counters kept in the database (shared by every process), for any guessable lookup. */
export { countAttempts, refundAttempts } from './attempt-counter.repo.js';
/** Back-office search and the staff customer page: customer accounts only. */
export { findCustomer, searchCustomers } from './customer-search.repo.js';
export { notifyCustomer, notifyRoles, notifyRolesSql } from './notify.js';
export { hashPassword } from './password.js';
export { registerSessions } from './session.plugin.js';
/** The code an authenticator app shows for a secret (the demo console prints the demo staff's). */
export { totpCode } from './totp.js';
export {
  countAdmins,
  findUserByEmail,
  /** Also the audit log's snapshot of who acted (app.ts hands it to platform/audit). */
  findUserById,
  setUserLocale,
  userDirectory,
  userStanding,
} from './user.repo.js';
