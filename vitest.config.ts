import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'],
    exclude: ['tests/conformance/**', 'node_modules/**'],
    testTimeout: 120_000,
    pool: 'threads',
  },
});
