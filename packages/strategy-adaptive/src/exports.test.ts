import { expect, it } from 'vitest';

// `createStrategy` is what the plugin loader calls; `createAdaptiveStrategy` is for embedding.
it('exports exactly its public runtime surface', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toEqual(['createAdaptiveStrategy', 'createStrategy']);
});
