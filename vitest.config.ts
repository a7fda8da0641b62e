import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests that share an SQLite file or spawn processes run in separate forks.
    pool: 'forks',
  },
});
