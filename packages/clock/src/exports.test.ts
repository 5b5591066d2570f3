import { expect, it } from 'vitest';

// The two clocks, the timer provider and the manual clock every package injects; nothing else.
it('exports exactly its public runtime surface', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toEqual(['createManualClock', 'systemMonotonicClock', 'systemTimers', 'systemWallClock']);
});
