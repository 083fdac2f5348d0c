import { buildApp } from './app.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoAccounts } from './demo/demo-accounts.js';
import { loadConfig } from './platform/config.js';
import { exitOnSignals } from './shutdown.js';

const config = loadConfig();
const app = await buildApp(config);

if (app.startup.adminCreated) app.log.info(`Created admin ${app.startup.adminCreated} from ADMIN_EMAIL`);
if (config.seedDemo) {
  const lines = demoAccounts.map((a) => `  ${a.role.padEnd(10)} ${a.email}`).join('\n');
  console.log(
    `\n${app.startup.demoSeeded ? 'Seeded demo catalog and accounts.' : 'Demo data present.'} Demo logins (password: ${DEMO_PASSWORD}):\n${lines}\n` +
      `Staff then give a two-factor code: add the key ${DEMO_TOTP_SECRET} to an authenticator app (TOTP, 6 digits, 30 s).\n`,
  );
}

exitOnSignals(app, config.shutdownTimeoutMs);

try {
  const address = await app.listen({ port: config.port, host: config.host });
  console.log(`Hashcart is running at ${config.publicUrl} (listening on ${address})`);
} catch (err) {
  app.log.error({ err }, 'could not start');
  await app.close();
  process.exit(1);
}
