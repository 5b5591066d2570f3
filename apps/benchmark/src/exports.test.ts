import { expect, it } from 'vitest';

// `tmux-orc benchmark` mounts the command; embedders call runBenchmark. The rest stays internal.
it('exports exactly its public runtime surface', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toEqual(['defineBenchmarkCommand', 'runBenchmark']);
});
