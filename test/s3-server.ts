import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** s3rver's fixed account (it checks request signatures against it). */
const ACCESS_KEY = 'S3RVER';

/**
 * An S3-compatible server of the tests' own (s3rver, ADR 0024) on loopback, a random port and a
 * temporary directory, with one empty bucket. `env` is the app configuration that points at it.
 */
export async function startS3Server(bucket = 'hashcart-test') {
  const directory = mkdtempSync(join(tmpdir(), 'hashcart-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    bucket,
    endpoint,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: ACCESS_KEY,
      AWS_SECRET_ACCESS_KEY: ACCESS_KEY,
    },
    options: {
      bucket,
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: ACCESS_KEY },
    },
    /** Backdates an object, as the orphan sweep's grace period needs (s3rver reports its file's mtime). */
    age(key: string, ms: number) {
      const when = new Date(Date.now() - ms);
      utimesSync(join(directory, bucket, `${key}._S3rver_object`), when, when);
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export type S3TestServer = Awaited<ReturnType<typeof startS3Server>>;
