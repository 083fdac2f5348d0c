import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startS3Server } from '../../test/s3-server.js';
import { storageContract } from './storage.contract.js';
import { createStorage } from './storage.js';
import { createS3Storage } from './storage-s3.js';

storageContract('local disk', async () => {
  const root = mkdtempSync(join(tmpdir(), 'hashcart-storage-'));
  const backdate = (path: string, ms: number) => {
    const when = new Date(Date.now() - ms);
    utimesSync(path, when, when);
  };
  let n = 0;
  return {
    storage: createStorage(root),
    age: (key, ms) => backdate(join(root, key), ms),
    async stalePartial(folder, ms) {
      await mkdir(join(root, folder), { recursive: true });
      const path = join(root, folder, `unfinished${n++}.pdf.partial`);
      writeFileSync(path, 'half an upload');
      backdate(path, ms);
      return {
        present: () =>
          access(path).then(
            () => true,
            () => false,
          ),
      };
    },
    unreachable: () => {
      // A regular file where the folder should be: nothing can be written under it.
      const file = join(root, 'not-a-folder');
      writeFileSync(file, '');
      return createStorage(join(file, 'files'));
    },
    close: async () => rmSync(root, { recursive: true, force: true }),
  };
});

storageContract('S3 (s3rver)', async () => {
  const s3 = await startS3Server();
  return {
    // The smallest part S3 allows, so that 11 MiB is a real multipart upload.
    storage: createS3Storage({ ...s3.options, partSize: 5 * 1024 * 1024 }),
    age: s3.age,
    // s3rver does not implement ListMultipartUploads (nor AbortMultipartUpload): see ADR 0024.
    stalePartial: async () => null,
    unreachable: () => createS3Storage({ ...s3.options, bucket: 'no-such-bucket' }),
    close: s3.close,
  };
});
