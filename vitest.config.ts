import { configDefaults, defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources through the `source` export condition, so
// tests never run against a stale build. The rest are Vite's default server conditions.
const conditions = ['source', 'module', 'node', 'development|production'];

const include = ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'];

/**
 * Files that must have the machine to themselves: real agent CLIs whose screens depend on timing,
 * the daemon under injected faults, floods, soaks and the 1000-pane tests. They run one at a time,
 * after the others; every other file runs two at a time (these machines have 2 cores, and most
 * tests wait on tmux more than they compute).
 */
const alone = [
  '**/*-live-detection.test.ts',
  '**/*.live.test.ts',
  'packages/testkit/src/claude-code/claude-code-live.test.ts',
  'apps/cli/src/faults/**/*.test.ts',
  '**/*.faults.test.ts',
  '**/*.integration.test.ts',
  'apps/cli/src/daemon/daemon.test.ts',
  'apps/cli/src/dashboard/**/*.test.ts',
  'apps/benchmark/src/**/*.test.ts',
  'packages/tmux-pool/src/event-pane-lister.test.ts',
];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'shared', include, exclude: [...configDefaults.exclude, ...alone], maxWorkers: 2, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'alone', include: alone, exclude: [...configDefaults.exclude], fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
