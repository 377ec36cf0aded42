import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const emptyModule = fileURLToPath(new URL('./lib/testing/empty-module.ts', import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@/': fileURLToPath(new URL('./', import.meta.url)),
      // `server-only` throws outside a React server bundle; under Vitest the server code runs in plain Node.
      'server-only': emptyModule,
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['{lib,lab,components,app}/**/*.test.{ts,tsx}'], exclude: ['**/*.int.test.ts', 'node_modules/**'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['{lib,lab,app}/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One lab is shared; tests that change it must not race each other.
          fileParallelism: false,
        },
      },
    ],
  },
});
