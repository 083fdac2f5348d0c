import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { ObjectStorageConfig } from '../config.js';
import { s3Client } from '../storage-s3.js';
import type { BackupFile } from './manifest.js';

/** Copies every object of the bucket into `dir` (one file per key), hashing on the way. */
export async function downloadBucket(config: ObjectStorageConfig, dir: string): Promise<BackupFile[]> {
  const client = s3Client(config);
  const files: BackupFile[] = [];
  try {
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: config.bucket, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        if (!object.Key || object.Key.endsWith('/')) continue;
        const key = object.Key;
        const target = join(dir, key);
        await mkdir(dirname(target), { recursive: true });
        const got = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: object.Key }));
        const hash = createHash('sha256');
        const body = got.Body as Readable;
        body.on('data', (chunk: Buffer) => hash.update(chunk));
        await pipeline(body, createWriteStream(target));
        files.push({ key, size: (await stat(target)).size, sha256: hash.digest('hex') });
      }
      token = page.NextContinuationToken;
    } while (token);
  } finally {
    client.destroy();
  }
  return files;
}

/** Puts every backed-up file into the bucket under its key (streamed, multipart for large ones). */
export async function uploadBucket(config: ObjectStorageConfig, dir: string, files: BackupFile[]) {
  const client = s3Client(config);
  try {
    for (const file of files) {
      await new Upload({
        client,
        params: { Bucket: config.bucket, Key: file.key, Body: createReadStream(join(dir, file.key)) },
      }).done();
    }
  } finally {
    client.destroy();
  }
}
