import { createHash, randomBytes } from 'node:crypto';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { STORAGE_KEY, type Storage } from './storage.js';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** An S3-compatible server (MinIO, Ceph, R2, s3rver…); unset: AWS. */
  endpoint?: string;
  /** `https://endpoint/bucket/key` rather than `https://bucket.endpoint/key`; most S3-compatible servers want it. */
  forcePathStyle?: boolean;
  /** Unset: the AWS SDK's own chain (environment, profile, instance or task role). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Multipart part size (≥ 5 MiB) and parts sent at once: memory held per upload is about their product. */
  partSize?: number;
  queueSize?: number;
  /** An existing client (tests); otherwise one is made from the options above. */
  client?: S3Client;
}

const MiB = 1024 * 1024;

const isNotFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
};
const isNotImplemented = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotImplemented' || e?.$metadata?.httpStatusCode === 501;
};

/** Passes the first `n` bytes on and drops the rest. */
function takeBytes(n: number) {
  let left = n;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const part = left > 0 ? chunk.subarray(0, left) : undefined;
      left -= part?.length ?? 0;
      done(null, part?.length ? part : undefined);
    },
  });
}

export function s3Client(options: S3StorageOptions): S3Client {
  return new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
    credentials: options.credentials,
    // S3-compatible servers differ in which flexible checksums they take; the shop hashes every
    // upload itself (sha256 on the row), so checksums are sent only where an operation requires one.
    ...(options.endpoint
      ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
      : {}),
  });
}

/**
 * Uploaded files in an S3 bucket (ADR 0024), for several app processes that share them. Keys are the
 * same as on disk (`folder/random.ext`), so rows stay valid when a shop moves its files to a bucket.
 */
export function createS3Storage(options: S3StorageOptions): Storage {
  const client = options.client ?? s3Client(options);
  const Bucket = options.bucket;
  const partSize = Math.max(options.partSize ?? 8 * MiB, 5 * MiB);
  const queueSize = options.queueSize ?? 2;
  const checked = (key: string) => {
    if (!STORAGE_KEY.test(key)) throw new Error(`bad storage key ${key}`);
    return key;
  };
  const size = async (key: string) => {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket, Key: checked(key) }));
      return head.ContentLength ?? 0;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  };

  return {
    async put(source, folder, extension) {
      const key = checked(`${folder}/${randomBytes(16).toString('base64url')}.${extension}`);
      const hash = createHash('sha256');
      let bytes = 0;
      const counted = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          hash.update(chunk);
          done(null, chunk);
        },
      });
      // The source's failure (a client abort, a file over its limit) fails the upload: nothing is completed.
      const piped = pipeline(source, counted);
      piped.catch(() => {});
      // Small files go up in one PutObject, large ones as a multipart upload that S3 assembles
      // only on completion: either way the object exists only once whole.
      const upload = new Upload({ client, params: { Bucket, Key: key, Body: counted }, partSize, queueSize });
      try {
        await upload.done();
        await piped;
      } catch (err) {
        counted.destroy();
        throw err;
      }
      return { key, size: bytes, sha256: hash.digest('hex') };
    },
    open(key, range) {
      const out = new PassThrough();
      const abort = new AbortController();
      out.on('close', () => abort.abort());
      client
        .send(
          new GetObjectCommand({
            Bucket,
            Key: checked(key),
            Range: range ? `bytes=${range.start}-${range.end}` : undefined,
          }),
          { abortSignal: abort.signal },
        )
        .then((res) => {
          const body = res.Body as Readable;
          if (!range) return pipeline(body, out);
          // The bytes asked for and no more: a server that answers `bytes=0-0` with the whole
          // object (s3rver does) would otherwise overrun the Content-Length already sent.
          const from = /^bytes (\d+)-/.exec(res.ContentRange ?? '')?.[1];
          if (Number(from) !== range.start)
            throw new Error(`asked for bytes from ${range.start}, got ${res.ContentRange}`);
          return pipeline(body, takeBytes(range.end - range.start + 1), out);
        })
        .catch((err) => out.destroy(err));
      return out;
    },
    size,
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checked(key) }));
    },
    exists: async (key) => (await size(key)) !== undefined,
    async listOlderThan(folder, before) {
      const keys: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: `${folder}/`, ContinuationToken }));
        for (const o of page.Contents ?? []) {
          if (o.Key && STORAGE_KEY.test(o.Key) && o.LastModified && o.LastModified < before) keys.push(o.Key);
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return keys;
    },
    async removeStalePartials(before) {
      let removed = 0;
      let KeyMarker: string | undefined;
      let UploadIdMarker: string | undefined;
      do {
        let page: Awaited<ReturnType<typeof listUploads>>;
        try {
          page = await listUploads(KeyMarker, UploadIdMarker);
        } catch (err) {
          // A server that cannot list uploads (s3rver) leaves them to the bucket's lifecycle rule (ADR 0024).
          if (isNotImplemented(err)) return removed;
          throw err;
        }
        for (const u of page.Uploads ?? []) {
          if (!u.Key || !u.UploadId || !STORAGE_KEY.test(u.Key) || !u.Initiated || u.Initiated >= before) continue;
          await client.send(new AbortMultipartUploadCommand({ Bucket, Key: u.Key, UploadId: u.UploadId }));
          removed++;
        }
        [KeyMarker, UploadIdMarker] = page.IsTruncated ? [page.NextKeyMarker, page.NextUploadIdMarker] : [];
      } while (KeyMarker);
      return removed;
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
  };

  function listUploads(KeyMarker?: string, UploadIdMarker?: string) {
    return client.send(new ListMultipartUploadsCommand({ Bucket, KeyMarker, UploadIdMarker }));
  }
}
