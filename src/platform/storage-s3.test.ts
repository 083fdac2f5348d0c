import { AbortMultipartUploadCommand, ListMultipartUploadsCommand, type S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createS3Storage } from './storage-s3.js';

// s3rver (the tests' S3 server) implements neither ListMultipartUploads nor AbortMultipartUpload,
// so the sweep of unfinished uploads is checked here against S3's documented answers (ADR 0024).
describe('S3 driver: unfinished multipart uploads', () => {
  const hour = 3_600_000;
  const now = Date.now();
  const key = (n: number) => `packing/${String(n).padStart(22, 'a')}.mp4`;

  function fakeS3(pages: { Uploads: { Key: string; UploadId: string; Initiated: Date }[] }[]) {
    const aborted: string[] = [];
    const markers: (string | undefined)[] = [];
    const client = {
      async send(command: unknown) {
        if (command instanceof ListMultipartUploadsCommand) {
          const i = markers.length;
          markers.push(command.input.KeyMarker);
          const last = i === pages.length - 1;
          const page = pages[i]!;
          const tail = page.Uploads.at(-1);
          return {
            ...page,
            IsTruncated: !last,
            NextKeyMarker: last ? undefined : tail?.Key,
            NextUploadIdMarker: last ? undefined : tail?.UploadId,
          };
        }
        if (command instanceof AbortMultipartUploadCommand) {
          aborted.push(command.input.UploadId!);
          return {};
        }
        throw new Error('unexpected command');
      },
    } as unknown as S3Client;
    return { client, aborted, markers };
  }

  it('aborts, over every page of the listing, the uploads of its own keys started before the cut-off', async () => {
    const s3 = fakeS3([
      {
        Uploads: [
          { Key: key(1), UploadId: 'old-1', Initiated: new Date(now - 3 * hour) },
          { Key: key(2), UploadId: 'recent', Initiated: new Date(now - 10_000) },
        ],
      },
      {
        Uploads: [
          { Key: 'backups/db.tar', UploadId: 'not-ours', Initiated: new Date(now - 3 * hour) },
          { Key: key(3), UploadId: 'old-2', Initiated: new Date(now - 2 * hour) },
        ],
      },
    ]);
    const storage = createS3Storage({ bucket: 'b', region: 'us-east-1', client: s3.client });
    expect(await storage.removeStalePartials(new Date(now - hour))).toBe(2);
    expect(s3.aborted).toEqual(['old-1', 'old-2']);
    expect(s3.markers).toEqual([undefined, key(2)]);
  });

  it('reports nothing removed when the server does not implement the listing, and rethrows other failures', async () => {
    const failing = (name: string, status: number) =>
      ({
        send: async () => {
          throw Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
        },
      }) as unknown as S3Client;
    const unimplemented = createS3Storage({ bucket: 'b', region: 'us-east-1', client: failing('NotImplemented', 501) });
    expect(await unimplemented.removeStalePartials(new Date())).toBe(0);
    const denied = createS3Storage({ bucket: 'b', region: 'us-east-1', client: failing('AccessDenied', 403) });
    await expect(denied.removeStalePartials(new Date())).rejects.toThrow('AccessDenied');
  });
});
