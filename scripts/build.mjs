// Bundles the server with esbuild (dependencies stay external); type checking is `npm run typecheck`.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/server.ts', 'src/payment-changes.ts', 'src/backup.ts', 'src/audit-verify.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  // Local modules imported with import() become their own chunks, so what they import stays
  // unloaded until first use (the S3 driver and the AWS SDK without a bucket, #18).
  splitting: true,
  sourcemap: true,
  jsx: 'automatic',
  jsxImportSource: '@kitajs/html',
  logLevel: 'warning',
});
