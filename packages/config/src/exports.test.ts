import { expect, it } from 'vitest';

// What users and the other packages of tmux-orc import; an export added or removed by accident fails here.
it('exports exactly its public runtime surface', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toEqual([
    'ConfigError',
    'agentStates',
    'configErrorCodes',
    'configToYaml',
    'createDefaultConfig',
    'defaultNotifiedStates',
    'formatConfigProblem',
    'listLeaves',
    'loadConfig',
    'maxConfigFileBytes',
    'maxTimerSeconds',
    'notificationChannelSchema',
    'profileNames',
    'resolveHome',
    'validateConfigFile',
    'writeInitialConfig',
  ]);
});
