import { defineConfig } from 'vitest/config';

// JSX for @kitajs/html: Vite 8 transforms with oxc.
const jsx = { oxc: { jsx: { runtime: 'automatic' as const, importSource: '@kitajs/html' } } };

export default defineConfig({
  ...jsx,
  test: {
    projects: [
      {
        ...jsx,
        test: { name: 'unit', include: ['src/**/*.test.{ts,tsx}'], exclude: ['src/**/*.int.test.{ts,tsx}'] },
      },
      {
        ...jsx,
        test: {
          name: 'int',
          include: ['src/**/*.int.test.{ts,tsx}'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
