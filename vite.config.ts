import { defineConfig } from 'vitest/config';

// One config for the editor app (root: editor/) and for every test in test/.
export default defineConfig({
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
