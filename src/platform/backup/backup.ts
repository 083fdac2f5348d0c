import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { ObjectStorageConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { migrationsDir } from '../paths.js';
import { copyTables, type Query } from './copy-tables.js';
import { type BackupFile, FILES_DIR, MANIFEST, type Manifest, manifestSchema } from './manifest.js';

const run = promisify(execFile);
/** The AWS SDK is loaded only for a bucket (it is large, and a local-files backup has no use for it). */
const s3Sync = () => import('./s3-sync.js');

/** The database a backup is taken from: PostgreSQL by URL, or an open PGlite (its app stopped: one process). */
export type BackupSource = { kind: 'postgres'; url: string } | { kind: 'pglite'; client: PGlite };
/** Where a backup goes back to: a PostgreSQL database (empty), or a PGlite DATA_DIR without a database yet. */
export type RestoreTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
/** Uploaded files: the local storage's folder (DATA_DIR/files), or the S3-compatible bucket. */
export type FileLocation = { kind: 'local'; dir: string } | { kind: 's3'; config: ObjectStorageConfig };

const DUMP = { pglite: 'database.pglite.tar.gz', postgres: 'database.pgdump' } as const;
/** Storage keys as the storage writes them (`folder/random.ext`); unfinished `.partial` uploads are left out. */
const KEY = /^[a-z-]+\/[A-Za-z0-9_-]{22}\.[a-z0-9]{2,5}$/;

async function sha256Of(path: string) {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

async function isEmptyDir(dir: string) {
  return (await readdir(dir).catch(() => [])).length === 0;
}

/** Migrations applied: drizzle's own table, named through the journal of this app version. */
async function migrationLevel(query: Query) {
  const { rows } = await query<{ count: number; last: string | null }>(
    'SELECT count(*)::int AS count, max(created_at)::text AS last FROM drizzle.__drizzle_migrations',
  );
  const journal = JSON.parse(await readFile(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  const last = rows[0]?.last;
  return {
    count: rows[0]?.count ?? 0,
    last: last ? (journal.entries.find((e) => String(e.when) === last)?.tag ?? last) : null,
  };
}

async function withPg<T>(url: string, fn: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function copyLocalFiles(from: string, to: string): Promise<BackupFile[]> {
  const files: BackupFile[] = [];
  for (const folder of await readdir(from, { withFileTypes: true }).catch(() => [])) {
    if (!folder.isDirectory()) continue;
    for (const name of await readdir(join(from, folder.name))) {
      const key = `${folder.name}/${name}`;
      if (!KEY.test(key)) continue;
      const target = join(to, key);
      await mkdir(dirname(target), { recursive: true });
      const hash = createHash('sha256');
      const source = createReadStream(join(from, key));
      source.on('data', (chunk) => hash.update(chunk));
      await pipeline(source, createWriteStream(target));
      files.push({ key, size: (await stat(target)).size, sha256: hash.digest('hex') });
    }
  }
  return files.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Writes a backup folder: the database dump, every stored file under files/<key>, and
 * manifest.json (database kind, time, migration level, file count, sizes and checksums).
 * The database goes first: a file uploaded meanwhile is at worst an extra the orphan sweep removes.
 */
export async function createBackup(opts: {
  database: BackupSource;
  files: FileLocation;
  out: string;
  now?: Date;
}): Promise<Manifest> {
  if (!(await isEmptyDir(opts.out))) throw new Error(`${opts.out} is not empty: a backup goes into a new folder`);
  await mkdir(join(opts.out, FILES_DIR), { recursive: true });
  const createdAt = (opts.now ?? new Date()).toISOString();

  const file = DUMP[opts.database.kind];
  const dumpPath = join(opts.out, file);
  let migrations: Manifest['database']['migrations'];
  if (opts.database.kind === 'postgres') {
    const { url } = opts.database;
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', dumpPath, '--dbname', url]);
    migrations = await withPg(url, (c) =>
      migrationLevel(<T>(sql: string, params?: unknown[]) => c.query(sql, params) as unknown as Promise<{ rows: T[] }>),
    );
  } else {
    const { client } = opts.database;
    migrations = await migrationLevel((sql, params) => client.query(sql, params));
    const dump = await client.dumpDataDir('gzip');
    await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  }

  const filesDir = join(opts.out, FILES_DIR);
  const files =
    opts.files.kind === 'local'
      ? await copyLocalFiles(opts.files.dir, filesDir)
      : await (await s3Sync()).downloadBucket(opts.files.config, filesDir);

  const manifest: Manifest = {
    format: 'hashcart-backup',
    version: 1,
    createdAt,
    database: {
      kind: opts.database.kind,
      file,
      size: (await stat(dumpPath)).size,
      sha256: await sha256Of(dumpPath),
      migrations,
    },
    storage: {
      kind: opts.files.kind,
      ...(opts.files.kind === 's3' ? { bucket: opts.files.config.bucket } : {}),
      count: files.length,
      bytes: files.reduce((sum, f) => sum + f.size, 0),
      files,
    },
  };
  await writeFile(join(opts.out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reads a backup's manifest and checks every byte it lists (dump and files) before anything is restored. */
export async function verifyBackup(dir: string): Promise<Manifest> {
  const manifest = manifestSchema.parse(JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')));
  const check = async (path: string, size: number, sha256: string, what: string) => {
    const info = await stat(path).catch(() => undefined);
    if (!info || info.size !== size || (await sha256Of(path)) !== sha256)
      throw new Error(`backup damaged: ${what} is missing or does not match its checksum`);
  };
  await check(join(dir, manifest.database.file), manifest.database.size, manifest.database.sha256, 'the database dump');
  for (const f of manifest.storage.files) await check(join(dir, FILES_DIR, f.key), f.size, f.sha256, f.key);
  return manifest;
}

/**
 * Restores a backup into a fresh place: an empty PostgreSQL database or a DATA_DIR without a
 * database, and an empty files folder or a bucket. A PGlite backup restores into PostgreSQL too
 * (the move off the embedded database): the target is migrated, then the rows are copied.
 */
export async function restoreBackup(opts: { from: string; database: RestoreTarget; files: FileLocation }) {
  const manifest = await verifyBackup(opts.from);
  const dump = join(opts.from, manifest.database.file);
  const target = opts.database;

  if (target.kind === 'postgres') {
    const tables = await withPg(target.url, async (c) => {
      const { rows } = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname IN ('public', 'drizzle')`,
      );
      return rows[0]?.n ?? 0;
    });
    if (tables > 0) throw new Error('the target PostgreSQL database is not empty: restore into a new database');
  } else if (!(await isEmptyDir(join(target.dataDir, 'pglite')))) {
    throw new Error(`${target.dataDir} already has a database: restore into a new DATA_DIR`);
  }
  if (opts.files.kind === 'local' && !(await isEmptyDir(opts.files.dir)))
    throw new Error(`${opts.files.dir} is not empty: restore the files into a new folder`);

  let copied: Record<string, number> | undefined;
  if (manifest.database.kind === 'postgres') {
    if (target.kind !== 'postgres')
      throw new Error('a PostgreSQL backup restores into PostgreSQL only (set DATABASE_URL to an empty database)');
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--dbname', target.url, dump]);
  } else if (target.kind === 'pglite') {
    // PGlite unpacks its own dump into the data directory; the app's usual start migrates it if it is older.
    const db = await openDatabase({
      kind: 'pglite',
      dataDir: target.dataDir,
      loadDump: new Blob([await readFile(dump)]),
    });
    await db.close();
  } else {
    // Both sides at this app version's schema, then the rows go over.
    const source = await openDatabase({ kind: 'pglite', loadDump: new Blob([await readFile(dump)]) });
    const pool = new pg.Pool({ connectionString: target.url, max: 1 });
    try {
      await (await openDatabase({ kind: 'postgres', url: target.url, poolSize: 1 })).close();
      const client = (source.db as unknown as { $client: PGlite }).$client;
      const conn = await pool.connect();
      try {
        copied = await copyTables((sql, params) => client.query(sql, params), conn);
      } finally {
        conn.release();
      }
    } finally {
      await pool.end();
      await source.close();
    }
  }

  const filesDir = join(opts.from, FILES_DIR);
  if (opts.files.kind === 'local') {
    for (const f of manifest.storage.files) {
      const to = join(opts.files.dir, f.key);
      await mkdir(dirname(to), { recursive: true });
      await pipeline(createReadStream(join(filesDir, f.key)), createWriteStream(to));
    }
  } else {
    await (await s3Sync()).uploadBucket(opts.files.config, filesDir, manifest.storage.files);
  }
  return { manifest, copied };
}
