import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Model and engine run in Node: a stray `window` or `document` fails loudly.
    environment: 'node',
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
