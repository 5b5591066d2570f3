import { expect, it } from 'vitest';

// The contract plugin authors build on, the built-in strategies, the loader and the host; an
// export added or removed by accident fails here.
it('exports exactly its public runtime surface', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toEqual([
    'StrategyError',
    'StrategyLoadError',
    'agentStates',
    'createConcurrentStrategy',
    'createPollingStrategy',
    'createStrategyHost',
    'defaultDebounceMs',
    'failedCheckResult',
    'freshObservation',
    'keptObservation',
    'loadStrategy',
    'readStrategyOptions',
    'strategyErrorCodes',
    'strategySpecificationVersion',
  ]);
  // `@tmux-orc/strategies/testing`: builders and a manual clock for plugin authors' tests.
  expect(Object.keys(await import('./testing/index.js')).sort()).toEqual(['createManualClock', 'scriptedChecker', 'testPane']);
});
