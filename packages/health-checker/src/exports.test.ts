import { expect, it } from 'vitest';

// What other packages, the apps and users import; an accidental export fails here.
it('exports exactly its public runtime surface', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toEqual([
    'AsyncHealthChecker',
    'HealthChecker',
    'HealthCheckerError',
    'agentStates',
    'allRules',
    'builtinDetectors',
    'chooseDetector',
    'classifyScreen',
    'compareVersions',
    'createScreenStateTracker',
    'defaultDebounceMs',
    'detectorProofs',
    'explainScreen',
    'failedResult',
    'healthCheckerErrorCodes',
    'isShellCommand',
    'parseVersion',
    'provenVersions',
    'versionStanding',
  ]);
});
