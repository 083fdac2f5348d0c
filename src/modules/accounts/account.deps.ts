import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/client.js';

/** What the account module's route files share. */
export interface AccountDeps {
  db: Db;
  config: Config;
  /** The clock for link expiry and two-factor windows (tests move it). */
  now: () => Date;
}
