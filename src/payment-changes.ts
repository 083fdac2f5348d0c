import { paymentChangesCommand } from './modules/payment-methods/index.js';
import { loadConfig } from './platform/config.js';
import { openDatabase } from './platform/db/client.js';

// The operator's confirmation of payment-method changes (README, "A shop with a single admin").
const config = loadConfig();
const database = await openDatabase(
  config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir },
);
try {
  process.exitCode = await paymentChangesCommand(database.db, process.argv.slice(2), config.publicUrl, (line) =>
    console.log(line),
  );
} finally {
  await database.close();
}
