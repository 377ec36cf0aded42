import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

const emptyModule = fileURLToPath(new URL('./lib/testing/empty-module.ts', import.meta.url));

// Integration test files that change the lab's Istio config. They run last, in this order, so the tests that compare
// what Prometheus shows with the simulator's truth find a window without config changes and need not wait for one.
// The first three change only a namespace no traffic crosses, or bookinfo's routing for a while; the simulator's own
// test, whose first case compares bookinfo's rates with the truth over a quiet minute, comes next; the mTLS test,
// which turns ratings plaintext and then refuses it, waits for a quiet minute too and comes last.
const CHANGES_MESH_CONFIG = [
  'lib/istio-edit-service.int.test.ts',
  'lib/traffic-service.int.test.ts',
  'lib/istio-service.int.test.ts',
  'lab/simulator/simulator.int.test.ts',
  'lib/mtls-service.int.test.ts',
];

class MeshChangesLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => CHANGES_MESH_CONFIG.findIndex((path) => f.moduleId.endsWith(path));
    const sorted = await super.sort(files);
    const last = sorted.filter((f) => rank(f) >= 0).sort((a, b) => rank(a) - rank(b));
    return [...sorted.filter((f) => rank(f) < 0), ...last];
  }
}

export default defineConfig({
  resolve: {
    alias: {
      '@/': fileURLToPath(new URL('./', import.meta.url)),
      // `server-only` throws outside a React server bundle; under Vitest the server code runs in plain Node.
      'server-only': emptyModule,
    },
  },
  test: {
    sequence: { sequencer: MeshChangesLast },
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
