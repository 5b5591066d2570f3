import { defineConfig } from 'vitest/config';

// A nested vitest run (started by safety-net.test.ts) of tests that fail, time out, leak or
// die on purpose, to prove their tmux servers die anyway.
export default defineConfig({
  test: {
    include: ['*.fixture.ts'],
    pool: 'forks',
    testTimeout: 10_000,
  },
});
