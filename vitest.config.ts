import { defineConfig } from 'vitest/config';

// JSX for @kitajs/html: Vite 8 transforms with oxc.
const jsx = { oxc: { jsx: { runtime: 'automatic' as const, importSource: '@kitajs/html' } } };

const integration = {
  globalSetup: ['test/global-setup.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

// Tests that measure this process's resident memory. The embedded database is WebAssembly,
// and when V8's optimizing tier compiles its hot functions (Node 24 did so in the middle of a
// 1 GB upload) it holds a few hundred MB for a moment, which they would count as their own.
// Here the database stays on V8's baseline compiler, so they see what the code under test holds.
const memoryTests = ['src/modules/packing/packing-upload.int.test.ts'];

export default defineConfig({
  ...jsx,
  test: {
    projects: [
      {
        ...jsx,
        // A few unit tests do real work (a PDF with an embedded font, property runs): on a loaded
        // 2-core machine Vitest's 5 s default failed the PI rendering test while it was only slow.
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/**/*.int.test.{ts,tsx}'],
          testTimeout: 20_000,
        },
      },
      {
        ...jsx,
        test: { name: 'int', include: ['src/**/*.int.test.{ts,tsx}'], exclude: memoryTests, ...integration },
      },
      {
        ...jsx,
        test: { name: 'int-memory', include: memoryTests, execArgv: ['--liftoff-only'], ...integration },
      },
    ],
  },
});
