import { expect, it } from 'vitest';

// What other packages, the apps and users import; an accidental export fails here.
it('exports exactly its public runtime surface', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toEqual([
    'CaptureReplay',
    'ControlModeConnection',
    'EventPaneLister',
    'ExecConnection',
    'PaneLister',
    'TmuxAcquireTimeoutError',
    'TmuxCommandError',
    'TmuxConnectionClosedError',
    'TmuxConnectionPool',
    'TmuxPoolError',
    'TmuxServerGoneError',
    'TmuxTimeoutError',
    'capturePanes',
    'createTmuxConnectionPool',
    'defaultFullListingMs',
    'describeHost',
    'describeServer',
    'escapeFormat',
    'escapeMessage',
    'listPanes',
    'sendText',
    'serverArgs',
    'silentLogger',
    'sumPoolMetrics',
    'tmuxPoolErrorCodes',
  ]);
});
