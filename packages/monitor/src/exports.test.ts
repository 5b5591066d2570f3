import { expect, it } from 'vitest';

// What the CLI and embedders use; the actions, tracker and status builder stay internal.
it('exports exactly its public runtime surface', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toEqual([
    'MonitorError',
    'configuredServers',
    'createMonitor',
    'formatAgentId',
    // Loads config's detector plugins as the daemon does: `config validate` and `--dry-run` check them.
    'loadConfiguredDetectors',
    'monitorErrorCodes',
    'notificationFormatVersion',
    'toTmuxServer',
  ]);
});
