import { z } from 'zod';

/** One stored file in a backup: its storage key (also its path under files/), size and SHA-256. */
export interface BackupFile {
  key: string;
  size: number;
  sha256: string;
}

export const MANIFEST = 'manifest.json';
export const FILES_DIR = 'files';

const file = z.object({
  key: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** manifest.json of a backup folder: what is in it, enough to restore it and to check it first. */
export const manifestSchema = z.object({
  format: z.literal('hashcart-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  database: z.object({
    kind: z.enum(['pglite', 'postgres']),
    /** pglite: the data directory as PGlite dumps it (gzipped tar); postgres: pg_dump's custom format. */
    file: z.string(),
    size: z.number().int().nonnegative(),
    sha256: z.string(),
    /** Migrations applied when the backup was taken: their count and the last one's name. */
    migrations: z.object({ count: z.number().int().nonnegative(), last: z.string().nullable() }),
  }),
  storage: z.object({
    kind: z.enum(['local', 's3']),
    /** The bucket the files came from (s3). */
    bucket: z.string().optional(),
    count: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    files: z.array(file),
  }),
});

export type Manifest = z.infer<typeof manifestSchema>;
