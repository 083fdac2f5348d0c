import { auditVerifyCommand } from './platform/audit/index.js';
import { loadConfig } from './platform/config.js';
import { openDatabase } from './platform/db/client.js';

// `npm run audit:verify`: checks the audit log's hash chain on the configured database (ADR 0028).
const config = loadConfig();
const database = await openDatabase(
  config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir },
);
try {
  process.exitCode = await auditVerifyCommand(database.db, (line) => console.log(line));
} finally {
  await database.close();
}
