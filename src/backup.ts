import { join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { createBackup, type FileLocation, restoreBackup } from './platform/backup/backup.js';
import { loadConfig } from './platform/config.js';
import { openDatabase } from './platform/db/client.js';

// `npm run backup -- [folder]` and `npm run restore -- <folder>` (README, "Backups"): the database
// and the files of the shop this configuration names (DATABASE_URL or DATA_DIR; S3_BUCKET or DATA_DIR/files).
const [command, folder] = process.argv.slice(2);
const config = loadConfig();
const bucket = config.s3;
const files: FileLocation = bucket
  ? { kind: 's3', config: bucket }
  : { kind: 'local', dir: join(config.dataDir, 'files') };
const where = `${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`}, files ${bucket ? `in bucket ${bucket.bucket}` : `in ${files.kind === 'local' ? files.dir : ''}`}`;

if (command === 'backup') {
  const out = resolve(folder ?? join('backups', `hashcart-${new Date().toISOString().replace(/[:.]/g, '-')}`));
  // The embedded database is one process's: the shop must be stopped (the data-dir lock says so otherwise).
  const database = config.databaseUrl ? undefined : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  try {
    const manifest = await createBackup({
      database: database
        ? { kind: 'pglite', client: (database.db as unknown as { $client: PGlite }).$client }
        : { kind: 'postgres', url: config.databaseUrl! },
      files,
      out,
    });
    console.log(
      `Backed up ${where} into ${out}: ${manifest.database.kind} database at migration ${manifest.database.migrations.last}, ${manifest.storage.count} files (${manifest.storage.bytes} bytes).`,
    );
  } finally {
    await database?.close();
  }
} else if (command === 'restore' && folder) {
  const { manifest, copied } = await restoreBackup({
    from: resolve(folder),
    database: config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'pglite', dataDir: config.dataDir },
    files,
  });
  const rows = copied && Object.values(copied).reduce((a, b) => a + b, 0);
  console.log(
    `Restored the backup of ${manifest.createdAt} (${manifest.database.kind}${rows === undefined ? '' : `, ${rows} rows copied into PostgreSQL`}, ${manifest.storage.count} files) into ${where}.`,
  );
} else {
  console.error('usage: npm run backup -- [folder]   |   npm run restore -- <folder>');
  process.exitCode = 2;
}
