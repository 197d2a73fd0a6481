import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// One config for the editor app (root: editor/, built into dist/editor-app/) and for every test
// in test/ (vitest runs from the project folder).
export default defineConfig({
  root: here('./editor'),
  plugins: [react()],
  base: './',
  resolve: {
    // monaco-yaml's worker imports `monaco-editor/esm/vs/...`, which monaco-editor's export map
    // no longer resolves: point such imports at the files.
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: here('./node_modules/monaco-editor/esm/vs/') + '$1' }],
  },
  build: {
    outDir: here('./dist/editor-app'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
    sourcemap: false,
    // No per-plugin timing report on every build (it is printed even at logLevel warn).
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  worker: { format: 'es' },
  // `npx vite` serves the app with hot reload; the API comes from `npm start` (the editor server, port 5174).
  server: { proxy: { '/api': 'http://127.0.0.1:5174' } },
  test: {
    root: here('.'),
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/postgres.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
