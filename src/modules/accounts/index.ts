/** Accounts: registration, login, sessions, users and roles. */
export { accountRoutes } from './account.routes.js';
export { registerSessions } from './session.plugin.js';
export { getAppSecret } from './app-secret.repo.js';
export { registerUser } from './actions/register-user.js';
export { users } from './account.tables.js';
export { countAdmins, findUserByEmail } from './user.repo.js';
export { hashPassword } from './password.js';
