import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Baselines are bundled like the app (dist/server.js), so both start and run as plain node. */
export async function buildBaselines(): Promise<string> {
  const outdir = join(root, 'dist/bench');
  await build({
    entryPoints: [join(root, 'bench/baselines/hello.ts'), join(root, 'bench/baselines/fastify-db.ts')],
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outdir;
}
