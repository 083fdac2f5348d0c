import { seedDemo } from './demo/seed-demo.js';
import { countAdmins, registerUser } from './modules/accounts/index.js';
import type { Config } from './platform/config.js';
import type { Db } from './platform/db/client.js';
import type { Storage } from './platform/storage.js';

export interface StartupReport {
  adminCreated?: string;
  demoSeeded: boolean;
}

/** Runs on every start: bootstrap admin on a database without one, demo data on an empty one. */
export async function prepareDatabase(db: Db, config: Config, storage: Storage): Promise<StartupReport> {
  const report: StartupReport = { demoSeeded: false };
  if (config.admin && (await countAdmins(db)) === 0) {
    await registerUser(db, { ...config.admin, fullName: 'Administrator', role: 'admin' });
    report.adminCreated = config.admin.email;
  }
  if (config.seedDemo) report.demoSeeded = await seedDemo(db, storage);
  return report;
}
